/// Python 3 numeric literals (`42`, `0x2a`, `1_000`, `4.2e1`, `3j`) as the tokenizer reads them.
enum PythonNumber {
  /// What a numeric token stands for.
  enum Reading: Equatable {
    case int(Int)
    case float(Double)
    /// An integer beyond 64 bits or an imaginary number: valid Python, no Kiln type.
    case unsupported(String)
  }

  /// The number `text` spells; throws when Python rejects the token.
  static func read(_ text: String) throws(PythonLiteralLexer.SyntaxFailure) -> Reading {
    let lower = text.lowercased()
    if lower.hasSuffix("j") {
      guard isDecimalFloat(String(lower.dropLast())) || isDigitPart(String(lower.dropLast()))
      else { throw PythonLiteralLexer.SyntaxFailure() }
      return .unsupported("imaginary number \(text)")
    }
    for (prefix, radix, digits) in [
      ("0x", 16, "0123456789abcdef"), ("0o", 8, "01234567"), ("0b", 2, "01"),
    ]
    where lower.hasPrefix(prefix) {
      let body = String(lower.dropFirst(2))
      guard !body.isEmpty, hasSingleUnderscores(body, leadingAllowed: true),
        body.allSatisfy({ digits.contains($0) || $0 == "_" })
      else { throw PythonLiteralLexer.SyntaxFailure() }
      return integer(body.filter { $0 != "_" }, radix: radix, text: text)
    }
    if isDigitPart(lower) {
      let digits = lower.filter { $0 != "_" }
      // Decimal integers may not start with 0 unless all digits are 0.
      if digits.count > 1, digits.first == "0", digits.contains(where: { $0 != "0" }) {
        throw PythonLiteralLexer.SyntaxFailure()
      }
      return integer(digits, radix: 10, text: text)
    }
    guard isDecimalFloat(lower), let value = Double(lower.filter { $0 != "_" }) else {
      throw PythonLiteralLexer.SyntaxFailure()
    }
    return .float(value)
  }

  private static func integer(_ digits: String, radix: Int, text: String) -> Reading {
    if let value = Int(digits, radix: radix) { return .int(value) }
    return .unsupported("integer \(text) beyond 64 bits")
  }

  /// `digit (["_"] digit)*`.
  static func isDigitPart(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "_") }
      && hasSingleUnderscores(text, leadingAllowed: false)
  }

  private static func hasSingleUnderscores(_ text: String, leadingAllowed: Bool) -> Bool {
    if text.hasSuffix("_") || text.contains("__") { return false }
    return leadingAllowed || !text.hasPrefix("_")
  }

  /// `pointfloat` or `exponentfloat`.
  private static func isDecimalFloat(_ text: String) -> Bool {
    var mantissa = Substring(text)
    if let marker = text.firstIndex(where: { $0 == "e" }) {
      mantissa = text[..<marker]
      var exponent = text[text.index(after: marker)...]
      if exponent.first == "+" || exponent.first == "-" { exponent = exponent.dropFirst() }
      guard isDigitPart(String(exponent)) else { return false }
      if isDigitPart(String(mantissa)) { return true }
    }
    let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let (whole, fraction) = (String(parts[0]), String(parts[1]))
    if whole.isEmpty { return isDigitPart(fraction) }
    return isDigitPart(whole) && (fraction.isEmpty || isDigitPart(fraction))
  }
}
