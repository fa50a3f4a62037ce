/// Lexing of names, numbers, strings and operators inside `{{ }}` and `{% %}`.
extension Lexer {
  private static let twoCharOperators: Set<String> = ["//", "**", "==", "!=", ">=", "<="]
  private static let oneCharOperators: Set<UInt8> = Set("+-/*%~[](){}><=.:|,;".utf8)

  mutating func lexExpressionToken(_ balance: inout [UInt8]) throws {
    let byte = bytes[pos]
    if Ascii.isNameStart(byte) {
      let start = pos
      while pos < end, Ascii.isNameContinue(bytes[pos]) { pos += 1 }
      let name = String(decoding: bytes[start..<pos], as: UTF8.self)
      tokens.append(Token(kind: .name, text: name, offset: start, length: pos - start))
    } else if Ascii.isDigit(byte) {
      try lexNumber()
    } else if byte == Ascii.singleQuote || byte == Ascii.doubleQuote {
      try lexString()
    } else {
      try lexOperator(&balance)
    }
  }

  private mutating func lexOperator(_ balance: inout [UInt8]) throws {
    let start = pos
    if pos + 1 < end {
      let pair = String(decoding: bytes[pos..<pos + 2], as: UTF8.self)
      if Self.twoCharOperators.contains(pair) {
        pos += 2
        tokens.append(Token(kind: .op, text: pair, offset: start, length: 2))
        return
      }
    }
    let byte = bytes[pos]
    guard Self.oneCharOperators.contains(byte) else {
      let character = String(decoding: bytes[pos..<min(pos + 4, end)], as: UTF8.self).prefix(1)
      throw JinjaError(
        .syntax, "unexpected character '\(character)'", span: lines.span(pos, 1),
        hint: "check the expression syntax")
    }
    switch byte {
    case UInt8(ascii: "("): balance.append(UInt8(ascii: ")"))
    case UInt8(ascii: "["): balance.append(UInt8(ascii: "]"))
    case Ascii.braceOpen: balance.append(Ascii.braceClose)
    case UInt8(ascii: ")"), UInt8(ascii: "]"), Ascii.braceClose:
      guard let expected = balance.popLast() else {
        throw JinjaError(
          .syntax, "unexpected '\(Character(Unicode.Scalar(byte)))'", span: lines.span(pos, 1))
      }
      guard expected == byte else {
        throw JinjaError(
          .syntax,
          "unexpected '\(Character(Unicode.Scalar(byte)))', expected "
            + "'\(Character(Unicode.Scalar(expected)))'", span: lines.span(pos, 1))
      }
    default: break
    }
    pos += 1
    tokens.append(
      Token(kind: .op, text: String(Character(Unicode.Scalar(byte))), offset: start, length: 1))
  }

  /// Digits with optional `_` separators from `pos`; returns the digits without separators.
  private mutating func scanDigits(_ isValid: (UInt8) -> Bool) -> String {
    var digits = ""
    while pos < end {
      let byte = bytes[pos]
      if isValid(byte) {
        digits.unicodeScalars.append(Unicode.Scalar(byte))
        pos += 1
      } else if byte == Ascii.underscore, pos + 1 < end, isValid(bytes[pos + 1]), !digits.isEmpty {
        pos += 1
      } else {
        break
      }
    }
    return digits
  }

  private mutating func lexNumber() throws {
    let start = pos
    let afterDot = tokens.last?.isOp(".") ?? false
    if bytes[pos] == UInt8(ascii: "0"), pos + 1 < end, !afterDot,
      let radix = Self.radix(bytes[pos + 1])
    {
      pos += 2
      if pos < end, bytes[pos] == Ascii.underscore { pos += 1 }
      let digits = scanDigits { Ascii.hexValue($0).map { $0 < radix } ?? false }
      guard let value = Int(digits, radix: radix) else {
        throw JinjaError(.syntax, "invalid integer literal", span: lines.span(start, pos - start))
      }
      tokens.append(
        Token(kind: .integer, text: "", integer: value, offset: start, length: pos - start))
      return
    }
    var text = scanDigits(Ascii.isDigit)
    var isFloat = false
    if !afterDot, pos + 1 < end, bytes[pos] == Ascii.dot, Ascii.isDigit(bytes[pos + 1]) {
      pos += 1
      text += "." + scanDigits(Ascii.isDigit)
      isFloat = true
    }
    if !afterDot, pos < end, bytes[pos] | 0x20 == UInt8(ascii: "e") {
      var index = pos + 1
      if index < end, bytes[index] == Ascii.plus || bytes[index] == Ascii.minus { index += 1 }
      if index < end, Ascii.isDigit(bytes[index]) {
        let sign = bytes[pos + 1] == Ascii.minus ? "-" : ""
        pos = index
        text += "e" + sign + scanDigits(Ascii.isDigit)
        isFloat = true
      }
    }
    if isFloat {
      tokens.append(
        Token(
          kind: .float, text: "", float: Double(text) ?? .nan, offset: start, length: pos - start))
    } else {
      guard let value = Int(text) else {
        throw JinjaError(
          .syntax, "integer literal \(text) is too large", span: lines.span(start, pos - start))
      }
      tokens.append(
        Token(kind: .integer, text: "", integer: value, offset: start, length: pos - start))
    }
  }

  private static func radix(_ byte: UInt8) -> Int? {
    switch byte | 0x20 {
    case UInt8(ascii: "b"): return 2
    case UInt8(ascii: "o"): return 8
    case UInt8(ascii: "x"): return 16
    default: return nil
    }
  }

  private mutating func lexString() throws {
    let start = pos
    let quote = bytes[pos]
    var index = pos + 1
    var hasEscape = false
    while index < end, bytes[index] != quote {
      if bytes[index] == Ascii.backslash {
        hasEscape = true
        index += 1
      }
      index += 1
    }
    guard index < end else {
      throw JinjaError(
        .syntax, "unterminated string literal", span: lines.span(start, 1),
        hint: "close the string with \(quote == Ascii.singleQuote ? "'" : "\"")")
    }
    let body = bytes[(start + 1)..<index]
    let text =
      hasEscape ? Self.decodeEscapes(body) : String(decoding: body, as: UTF8.self)
    pos = index + 1
    tokens.append(Token(kind: .string, text: text, offset: start, length: pos - start))
  }
}
