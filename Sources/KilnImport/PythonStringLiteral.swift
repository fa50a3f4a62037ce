/// Python string and bytes literals: prefixes and escape sequences as Python 3 decodes them.
enum PythonStringLiteral {
  /// One string token, decoded.
  struct Piece: Equatable {
    enum Kind: Equatable { case text, bytes, formatted }
    var kind: Kind
    var value: String
  }

  /// Whether `name` is a string prefix (`r`, `b`, `rb`, `u`, `f`, … in any case).
  static func isPrefix(_ name: String) -> Bool {
    ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(name.lowercased())
  }

  /// Decodes a literal's body; throws for what Python's tokenizer rejects.
  static func piece(prefix: String, body: String) throws(PythonLiteralLexer.SyntaxFailure)
    -> Piece
  {
    let lower = prefix.lowercased()
    let kind: Piece.Kind = lower.contains("f") ? .formatted : lower.contains("b") ? .bytes : .text
    if kind == .bytes && !body.unicodeScalars.allSatisfy(\.isASCII) {
      throw PythonLiteralLexer.SyntaxFailure()
    }
    if lower.contains("r") { return Piece(kind: kind, value: body) }
    return Piece(kind: kind, value: try unescape(body, bytes: kind == .bytes))
  }

  private static let simpleEscapes: [Character: String] = [
    "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}",
    "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}", "\n": "",
  ]

  private static func unescape(_ body: String, bytes: Bool) throws(PythonLiteralLexer.SyntaxFailure)
    -> String
  {
    let characters = Array(body)
    var result = ""
    var index = 0
    while index < characters.count {
      let character = characters[index]
      guard character == "\\", index + 1 < characters.count else {
        result.append(character)
        index += 1
        continue
      }
      let escape = characters[index + 1]
      index += 2
      if let replacement = simpleEscapes[escape] {
        result += replacement
      } else if ("0"..."7").contains(escape) {
        var digits = String(escape)
        while digits.count < 3, index < characters.count, ("0"..."7").contains(characters[index]) {
          digits.append(characters[index])
          index += 1
        }
        try append(code: Int(digits, radix: 8), to: &result)
      } else if escape == "x" || (!bytes && (escape == "u" || escape == "U")) {
        let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
        guard index + width <= characters.count else { throw PythonLiteralLexer.SyntaxFailure() }
        let digits = String(characters[index..<(index + width)])
        guard digits.allSatisfy(\.isHexDigit) else { throw PythonLiteralLexer.SyntaxFailure() }
        index += width
        try append(code: Int(digits, radix: 16), to: &result)
      } else if escape == "N" && !bytes {
        throw PythonLiteralLexer.SyntaxFailure()  // named escapes are not supported
      } else {
        result.append("\\")
        result.append(escape)
      }
    }
    return result
  }

  private static func append(code: Int?, to result: inout String) throws(PythonLiteralLexer
    .SyntaxFailure)
  {
    guard let code, let scalar = Unicode.Scalar(code) else {
      throw PythonLiteralLexer.SyntaxFailure()
    }
    result.unicodeScalars.append(scalar)
  }
}
