import KilnDiagnostics

/// How the writer spells one scalar: plain, double-quoted with escapes, or a literal block.
enum ScalarSpelling: Equatable {
  /// Written as is, on the line of its key or dash.
  case inline(String)
  /// A literal block: the header (`|`, `|-`, `|+`) and the content lines.
  case literal(header: String, lines: [Substring])
}

/// Chooses the spelling of scalars so that `YAMLParser` reads back the same value.
enum ScalarStyleChooser {
  /// The spelling of `scalar`; keys must stay on one line, so they never get a literal block.
  static func spelling(of scalar: YAMLScalar, isKey: Bool) -> ScalarSpelling {
    switch scalar.value {
    case .string(let text):
      if isPlainSafe(text) { return .inline(text) }
      if !isKey, let literal = literalBlock(text) { return literal }
      return .inline(doubleQuoted(text))
    case .null:
      return .inline(reads(scalar.text, as: .null) && !scalar.text.isEmpty ? scalar.text : "null")
    case .bool(let value):
      return .inline(reads(scalar.text, as: scalar.value) ? scalar.text : String(value))
    case .int(let value):
      let keepText =
        reads(scalar.text, as: scalar.value) && ScalarResolver.yaml11Octal(scalar.text) == nil
      return .inline(keepText ? scalar.text : String(value))
    case .float(let value):
      return .inline(reads(scalar.text, as: scalar.value) ? scalar.text : canonical(value))
    }
  }

  private static func reads(_ text: String, as value: ScalarValue) -> Bool {
    ScalarResolver.resolve(text).isSameValue(as: value)
  }

  private static func canonical(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    return "\(value)"
  }

  /// Whether a string may be written without quotes and read back as the same string.
  static func isPlainSafe(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last,
      !isPlainStartIndicator(first), last != 0x20, last != UInt8(ascii: ":"),
      case .string = ScalarResolver.resolve(text), !YAML11Resolution.isNonString(text),
      !text.hasPrefix("---"), !text.hasPrefix("...")
    else { return false }
    var previous: UInt8 = 0x20
    var hasNonASCII = false
    for byte in utf8 {
      switch byte {
      case 0x00..<0x20, 0x7F: return false
      case UInt8(ascii: "#") where previous == 0x20: return false
      case 0x20 where previous == UInt8(ascii: ":"): return false
      case 0x80...: hasNonASCII = true
      default: break
      }
      previous = byte
    }
    return !hasNonASCII || !text.unicodeScalars.contains(where: needsEscape)
  }

  /// Whether a plain scalar cannot start with this byte (space or a YAML indicator).
  private static func isPlainStartIndicator(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
      UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
      UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
      return true
    default:
      return false
    }
  }

  /// A literal block for multi-line text whose lines a block scalar reproduces exactly.
  private static func literalBlock(_ text: String) -> ScalarSpelling? {
    guard text.contains("\n") else { return nil }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var trailingBreaks = 0
    while let last = lines.last, last.isEmpty {
      lines.removeLast()
      trailingBreaks += 1
    }
    guard let firstContent = lines.first(where: { !$0.isEmpty }),
      firstContent.first != " ", firstContent.first != "\t"
    else { return nil }
    for line in lines {
      if !line.isEmpty && line.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
      if line.unicodeScalars.contains(where: { $0 == "\r" || needsEscape($0) }) { return nil }
    }
    let header = trailingBreaks == 0 ? "|-" : trailingBreaks == 1 ? "|" : "|+"
    return .literal(
      header: header, lines: lines + Array(repeating: "", count: max(0, trailingBreaks - 1)))
  }

  /// Whether a character cannot appear as is in YAML text (libyaml's printable set, minus the
  /// extra line breaks NEL, LS and PS and the byte order mark).
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x20...0x7E: return false
    case 0xA0...0xD7FF, 0xE000...0xFFFD:
      return scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
    case 0x10000...0x10FFFF: return false
    default: return true
    }
  }

  /// The text as a double-quoted scalar with YAML escapes, as libyaml writes them: the common
  /// backslash escapes, `\0`, and `\xXX`, `\uXXXX` or `\UXXXXXXXX` (upper-case hex) for any
  /// other character YAML cannot hold as is.
  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      if let short = BackslashEscape.common(scalar) {
        out += short
      } else if scalar == "\0" {
        out += "\\0"
      } else if needsEscape(scalar) {
        out += escape(scalar)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private static func escape(_ scalar: Unicode.Scalar) -> String {
    let (prefix, digits) =
      scalar.value <= 0xFF ? ("\\x", 2) : scalar.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
    return BackslashEscape.hexadecimal(
      scalar.value, prefix: prefix, digits: digits, uppercase: true)
  }
}
