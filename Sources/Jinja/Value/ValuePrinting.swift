import KilnDiagnostics

extension Value {
  /// `str(value)` as Python/Ansible print it in `{{ x }}`.
  public func pythonString() -> String {
    switch self {
    case .string(let s): return s
    case .undefined(let u): return u.name
    default: return pythonRepr()
    }
  }

  /// `repr(value)`, used inside list and dict printing.
  public func pythonRepr() -> String {
    var out = ""
    appendRepr(to: &out)
    return out
  }

  /// Appends `repr(value)` to `out`.
  func appendRepr(to out: inout String) {
    switch self {
    case .undefined(let u): out += u.name
    case .none: out += "None"
    case .bool(let b): out += b ? "True" : "False"
    case .int(let i): out += String(i)
    case .float(let d): out += Value.formatFloat(d)
    case .string(let s): Value.appendStringRepr(s, to: &out)
    case .list(let items):
      out += "["
      for (offset, item) in items.enumerated() {
        if offset > 0 { out += ", " }
        item.appendRepr(to: &out)
      }
      out += "]"
    case .map(let map):
      out += "{"
      var first = true
      for (key, value) in map {
        if !first { out += ", " }
        first = false
        key.appendRepr(to: &out)
        out += ": "
        value.appendRepr(to: &out)
      }
      out += "}"
    case .callable(let c): out += "<function \(c.name)>"
    case .object(let o): out += "<\(o.typeName)>"
    }
  }

  /// Python's `repr(float)`: shortest round-trip digits, exponent outside [1e-4, 1e16).
  static func formatFloat(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    let text = d.description
    let magnitude = abs(d)
    if magnitude != 0 && (magnitude < 1e-4 || magnitude >= 1e16) {
      return pythonExponent(text)
    }
    if text.contains("e") { return plainDecimal(d) }
    return text
  }

  /// Rewrites Swift's exponent form (`1e-05`, `1.5e+16`, `1e16`) as Python's.
  private static func pythonExponent(_ text: String) -> String {
    guard let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
      // Swift printed plain digits; convert through scientific formatting.
      return text
    }
    var mantissa = String(text[..<eIndex])
    if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
    var exponent = String(text[text.index(after: eIndex)...])
    var sign = "+"
    if exponent.hasPrefix("-") {
      sign = "-"
      exponent.removeFirst()
    } else if exponent.hasPrefix("+") {
      exponent.removeFirst()
    }
    while exponent.count > 2 && exponent.hasPrefix("0") { exponent.removeFirst() }
    if exponent.count < 2 { exponent = "0" + exponent }
    return mantissa + "e" + sign + exponent
  }

  /// Formats a double in [1e-4, 1e16) without an exponent, Python style.
  private static func plainDecimal(_ d: Double) -> String {
    let text = d.description
    guard let eIndex = text.firstIndex(of: "e"),
      let exponent = Int(text[text.index(after: eIndex)...])
    else { return text }
    var mantissa = String(text[..<eIndex])
    let negative = mantissa.hasPrefix("-")
    if negative { mantissa.removeFirst() }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    let intPart = String(parts[0])
    var fracPart = parts.count > 1 ? String(parts[1]) : ""
    if fracPart == "0" { fracPart = "" }
    var digits = intPart + fracPart
    var point = intPart.count + exponent
    if point <= 0 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    }
    if digits.count < point { digits += String(repeating: "0", count: point - digits.count) }
    let head = String(digits.prefix(point))
    var tail = String(digits.dropFirst(point))
    if tail.isEmpty { tail = "0" }
    return (negative ? "-" : "") + head + "." + tail
  }

  /// Appends Python's `repr(str)`: single quotes unless the text has `'` and no `"`.
  static func appendStringRepr(_ s: String, to out: inout String) {
    let quote: Character = (s.contains("'") && !s.contains("\"")) ? "\"" : "'"
    out.append(quote)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if Character(scalar) == quote {
          out += "\\"
          out.unicodeScalars.append(scalar)
        } else if scalar.value < 0x20 || scalar.value == 0x7f {
          out += BackslashEscape.hexadecimal(scalar.value, prefix: "\\x", digits: 2)
        } else if (0x80...0xa0).contains(scalar.value) || scalar.value == 0xad {
          out += BackslashEscape.hexadecimal(scalar.value, prefix: "\\x", digits: 2)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out.append(quote)
  }
}
