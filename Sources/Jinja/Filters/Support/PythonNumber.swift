import Foundation

/// Python's `int(str, base)`, `float(str)` and `round(x, n)`.
enum PythonNumber {
  /// `int(text, base)`: surrounding whitespace, a sign, `_` between digits, `0x`/`0o`/`0b`
  /// prefixes when the base matches (or base 0); nil where Python raises ValueError.
  static func parseInt(_ text: String, base: Int) -> Int? {
    var body = Substring(PythonString.strip(text, nil, left: true, right: true))
    var negative = false
    if let sign = body.first, sign == "+" || sign == "-" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    var radix = base
    let prefixes: [(String, Int)] = [("0x", 16), ("0o", 8), ("0b", 2)]
    for (prefix, prefixBase) in prefixes where body.lowercased().hasPrefix(prefix) {
      if base == prefixBase || base == 0 {
        radix = prefixBase
        body = body.dropFirst(2)
        if body.first == "_" { body = body.dropFirst() }
      }
    }
    if radix == 0 {
      guard body.allSatisfy({ $0 == "0" || $0 == "_" }) || body.first != "0" else { return nil }
      radix = 10
    }
    guard (2...36).contains(radix), !body.isEmpty, body.first != "_", body.last != "_",
      !body.contains("__")
    else { return nil }
    guard let magnitude = Int(body.replacingOccurrences(of: "_", with: ""), radix: radix) else {
      return nil
    }
    return negative ? -magnitude : magnitude
  }

  /// `float(text)`: decimal or exponent notation, `inf`, `nan`, `_` between digits.
  static func parseFloat(_ text: String) -> Double? {
    let body = PythonString.strip(text, nil, left: true, right: true)
    let lowered = body.lowercased()
    let unsigned =
      lowered.hasPrefix("-") || lowered.hasPrefix("+") ? String(lowered.dropFirst()) : lowered
    if unsigned == "inf" || unsigned == "infinity" {
      return lowered.hasPrefix("-") ? -Double.infinity : Double.infinity
    }
    if unsigned == "nan" { return Double.nan }
    guard !body.isEmpty, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__") else {
      return nil
    }
    let plain = body.replacingOccurrences(of: "_", with: "")
    let allowed = Set("0123456789.eE+-")
    guard plain.allSatisfy({ allowed.contains($0) }), plain.contains(where: \.isNumber) else {
      return nil
    }
    return Double(plain)
  }

  /// `round(number, digits)`: correctly rounded to `digits` decimals, halves to even.
  static func round(_ number: Double, digits: Int) -> Double {
    guard number.isFinite else { return number }
    if digits >= 0 {
      guard digits <= 300 else { return number }
      return Double(String(format: "%.\(digits)f", number)) ?? number
    }
    let scale = pow(10.0, Double(-digits))
    return (number / scale).rounded(.toNearestOrEven) * scale
  }
}
