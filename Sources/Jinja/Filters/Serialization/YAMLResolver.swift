import Foundation

/// PyYAML's implicit resolvers (YAML 1.1): whether a plain scalar would read back as a
/// non-string (bool, int, float, null, timestamp, merge, value), so a string must be quoted.
enum YAMLResolver {
  private static let patterns: [(first: String, regex: NSRegularExpression)] = [
    (
      "yYnNtTfFoO",
      "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"
    ),
    (
      "-+0123456789.",
      "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
    ),
    (
      "-+0123456789",
      "^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
        + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
    ),
    ("<", "^(?:<<)$"),
    ("~nN", "^(?:~|null|Null|NULL|)$"),
    (
      "0123456789",
      "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
        + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
        + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
    ),
    ("=", "^(?:=)$"),
  ].compactMap { first, pattern in
    (try? NSRegularExpression(pattern: pattern)).map { (first, $0) }
  }

  /// Whether `text` written plain would resolve to something other than a string.
  static func resolvesToNonString(_ text: String) -> Bool {
    guard let first = text.first else { return true }
    let range = NSRange(text.startIndex..., in: text)
    for entry in patterns where entry.first.contains(first) {
      if entry.regex.firstMatch(in: text, range: range) != nil { return true }
      if text.hasSuffix("\n") {
        let trimmed = String(text.dropLast())
        let trimmedRange = NSRange(trimmed.startIndex..., in: trimmed)
        if entry.regex.firstMatch(in: trimmed, range: trimmedRange) != nil { return true }
      }
    }
    return false
  }
}
