/// JSON string literals (RFC 8259 §7) spelled as Python's `json.dumps` spells them: the short
/// escapes `\" \\ \n \r \t \b \f`, `\u00xx` (lower-case hex) for other control characters and,
/// with `asciiOnly` (Python's `ensure_ascii`), `\uxxxx` for every character above `~` (a UTF-16
/// surrogate pair above U+FFFF); everything else is kept as UTF-8.
public enum JSONStringLiteral {
  /// `text` in double quotes, escaped for JSON.
  public static func quoted(_ text: String, asciiOnly: Bool = false) -> String {
    var output = ""
    append(text, asciiOnly: asciiOnly, to: &output)
    return output
  }

  /// Appends `text` in double quotes, escaped for JSON, to `output`.
  public static func append(_ text: String, asciiOnly: Bool = false, to output: inout String) {
    output += "\""
    if text.utf8.contains(where: { needsEscape($0, asciiOnly: asciiOnly) }) {
      for scalar in text.unicodeScalars {
        appendScalar(scalar, asciiOnly: asciiOnly, to: &output)
      }
    } else {
      output += text
    }
    output += "\""
  }

  /// Whether a UTF-8 code unit belongs to a character that is written escaped.
  private static func needsEscape(_ unit: UInt8, asciiOnly: Bool) -> Bool {
    unit < 0x20 || unit == UInt8(ascii: "\"") || unit == UInt8(ascii: "\\")
      || (asciiOnly && unit > 0x7E)
  }

  private static func appendScalar(
    _ scalar: Unicode.Scalar, asciiOnly: Bool, to output: inout String
  ) {
    if let escape = BackslashEscape.common(scalar) {
      output += escape
    } else if scalar == "\u{08}" {
      output += "\\b"
    } else if scalar == "\u{0C}" {
      output += "\\f"
    } else if scalar.value < 0x20 || (asciiOnly && scalar.value > 0x7E) {
      for unit in scalar.utf16 {
        output += BackslashEscape.hexadecimal(UInt32(unit), prefix: "\\u", digits: 4)
      }
    } else {
      output.unicodeScalars.append(scalar)
    }
  }
}
