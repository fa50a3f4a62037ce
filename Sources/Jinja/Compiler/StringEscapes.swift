/// Python `unicode_escape` decoding of string literal bodies.
extension Lexer {
  static func decodeEscapes(_ body: ArraySlice<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    let raw = String(decoding: body, as: UTF8.self).unicodeScalars
    var iterator = Array(raw)[...]
    while let scalar = iterator.popFirst() {
      guard scalar == "\\", let next = iterator.first else {
        scalars.append(scalar)
        continue
      }
      iterator.removeFirst()
      if let simple = simpleEscape(next) {
        if let simple { scalars.append(simple) }
        continue
      }
      switch next {
      case "x": appendHex(&iterator, digits: 2, prefix: "\\x", to: &scalars)
      case "u": appendHex(&iterator, digits: 4, prefix: "\\u", to: &scalars)
      case "U": appendHex(&iterator, digits: 8, prefix: "\\U", to: &scalars)
      case "0"..."7":
        var value = Int(next.value - 0x30)
        var count = 1
        while count < 3, let digit = iterator.first, ("0"..."7").contains(digit) {
          value = value * 8 + Int(digit.value - 0x30)
          iterator.removeFirst()
          count += 1
        }
        if let octal = Unicode.Scalar(value) { scalars.append(octal) }
      default:
        scalars.append("\\")
        scalars.append(next)
      }
    }
    return String(scalars)
  }

  /// The replacement of a one-character escape (`.some(nil)` for a line continuation).
  private static func simpleEscape(_ scalar: Unicode.Scalar) -> Unicode.Scalar?? {
    switch scalar {
    case "\n": return .some(nil)
    case "\\": return "\\"
    case "'": return "'"
    case "\"": return "\""
    case "a": return "\u{07}"
    case "b": return "\u{08}"
    case "f": return "\u{0C}"
    case "n": return "\n"
    case "r": return "\r"
    case "t": return "\t"
    case "v": return "\u{0B}"
    default: return nil
    }
  }

  private static func appendHex(
    _ iterator: inout ArraySlice<Unicode.Scalar>, digits: Int, prefix: String,
    to scalars: inout String.UnicodeScalarView
  ) {
    let candidate = iterator.prefix(digits)
    var value: UInt32 = 0
    var valid = candidate.count == digits
    for digit in candidate {
      guard digit.isASCII, let nibble = Ascii.hexValue(UInt8(digit.value)) else {
        valid = false
        break
      }
      value = value * 16 + UInt32(nibble)
    }
    if valid, let scalar = Unicode.Scalar(value) {
      iterator.removeFirst(digits)
      scalars.append(scalar)
    } else {
      scalars.append(contentsOf: prefix.unicodeScalars)
    }
  }
}
