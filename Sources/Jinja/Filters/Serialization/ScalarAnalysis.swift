/// libyaml's `yaml_emitter_analyze_scalar`: which scalar styles can hold a string.
struct ScalarAnalysis {
  /// The scalar contains a line break.
  var multiline = false
  /// It may be written plain inside flow collections.
  var flowPlainAllowed = true
  /// It may be written plain in block context.
  var blockPlainAllowed = true
  /// It may be written single-quoted.
  var singleQuotedAllowed = true

  /// libyaml's printable set (with `allow_unicode`): `\n`, ASCII 0x20–0x7E, U+00A0–U+D7FF,
  /// U+E000–U+FFFD; tabs and characters outside the BMP are not printable.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD: return scalar.value != 0xFEFF
    default: return false
    }
  }

  /// `\r`, `\n`, U+0085, U+2028, U+2029.
  static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(scalar.value)
  }

  private static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return true }
    return scalar == " " || scalar == "\t" || isBreak(scalar) || scalar == "\0"
  }

  /// Analyzes `text`.
  init(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty else {
      flowPlainAllowed = false
      return
    }
    var flowIndicators = text.hasPrefix("---") || text.hasPrefix("...")
    var blockIndicators = flowIndicators
    var flags = (
      lineBreaks: false, special: false, leadingSpace: false, leadingBreak: false,
      trailingSpace: false, trailingBreak: false, breakSpace: false, spaceBreak: false
    )
    var precededByWhitespace = true
    var previousSpace = false
    var previousBreak = false
    for (index, scalar) in scalars.enumerated() {
      let followedByWhitespace = ScalarAnalysis.isBlank(
        index + 1 < scalars.count ? scalars[index + 1] : nil)
      if index == 0 {
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(scalar) {
          flowIndicators = true
          blockIndicators = true
        }
        if scalar == "?" || scalar == ":" {
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        }
        if scalar == "-", followedByWhitespace {
          flowIndicators = true
          blockIndicators = true
        }
      } else {
        if ",?[]{}".unicodeScalars.contains(scalar) { flowIndicators = true }
        if scalar == ":" {
          flowIndicators = true
          if followedByWhitespace { blockIndicators = true }
        }
        if scalar == "#", precededByWhitespace {
          flowIndicators = true
          blockIndicators = true
        }
      }
      if !ScalarAnalysis.isPrintable(scalar) { flags.special = true }
      if ScalarAnalysis.isBreak(scalar) { flags.lineBreaks = true }
      if scalar == " " {
        if index == 0 { flags.leadingSpace = true }
        if index == scalars.count - 1 { flags.trailingSpace = true }
        if previousBreak { flags.breakSpace = true }
        previousSpace = true
        previousBreak = false
      } else if ScalarAnalysis.isBreak(scalar) {
        if index == 0 { flags.leadingBreak = true }
        if index == scalars.count - 1 { flags.trailingBreak = true }
        if previousSpace { flags.spaceBreak = true }
        previousSpace = false
        previousBreak = true
      } else {
        previousSpace = false
        previousBreak = false
      }
      precededByWhitespace = ScalarAnalysis.isBlank(scalar)
    }
    multiline = flags.lineBreaks
    if flags.leadingSpace || flags.leadingBreak || flags.trailingSpace || flags.trailingBreak {
      flowPlainAllowed = false
      blockPlainAllowed = false
    }
    if flags.breakSpace || flags.spaceBreak || flags.special {
      flowPlainAllowed = false
      blockPlainAllowed = false
      singleQuotedAllowed = false
    }
    if flags.lineBreaks {
      flowPlainAllowed = false
      blockPlainAllowed = false
    }
    if flowIndicators { flowPlainAllowed = false }
    if blockIndicators { blockPlainAllowed = false }
  }
}
