/// Splits one line of Python literal source into the tokens `ast.literal_eval` can accept.
struct PythonLiteralLexer {
  /// A lexical token.
  enum Token: Equatable {
    case number(String)
    case string(PythonStringLiteral.Piece)
    case name(String)
    case punctuation(String)
  }

  /// Why the text is not a Python expression (Python raises `SyntaxError`).
  struct SyntaxFailure: Error {}

  private let characters: [Character]
  private var index = 0

  private init(_ text: String) { characters = Array(text) }

  /// The tokens of `text`; throws when Python's tokenizer would reject it.
  static func tokens(of text: String) throws(SyntaxFailure) -> [Token] {
    var lexer = PythonLiteralLexer(text)
    var tokens: [Token] = []
    while let token = try lexer.next() { tokens.append(token) }
    return tokens
  }

  private mutating func next() throws(SyntaxFailure) -> Token? {
    while index < characters.count, " \t\u{0C}".contains(characters[index]) { index += 1 }
    guard index < characters.count else { return nil }
    let character = characters[index]
    if character == "#" { return nil }  // a comment runs to the end of the line
    if character == "." && peek(1) == "." && peek(2) == "." {
      index += 3
      return .punctuation("...")
    }
    if character.isASCII && character.isNumber || (character == "." && isDigit(peek(1))) {
      return .number(scanNumber())
    }
    if character == "'" || character == "\"" {
      return .string(try scanString(prefix: ""))
    }
    if character.isLetter || character == "_" {
      let name = scanName()
      if index < characters.count, characters[index] == "'" || characters[index] == "\"",
        PythonStringLiteral.isPrefix(name)
      {
        return .string(try scanString(prefix: name))
      }
      return .name(name)
    }
    if "()[]{},:+-".contains(character) {
      index += 1
      return .punctuation(String(character))
    }
    throw SyntaxFailure()
  }

  private func peek(_ offset: Int) -> Character? {
    index + offset < characters.count ? characters[index + offset] : nil
  }

  private func isDigit(_ character: Character?) -> Bool {
    guard let character else { return false }
    return character.isASCII && character.isNumber
  }

  /// The longest run that may belong to a number (validated later by `PythonNumber`).
  private mutating func scanNumber() -> String {
    var text = ""
    while index < characters.count {
      let character = characters[index]
      let exponentSign =
        (character == "+" || character == "-") && (text.last == "e" || text.last == "E")
        && !text.lowercased().hasPrefix("0x")
      guard
        character.isLetter || character.isNumber || character == "_" || character == "."
          || exponentSign
      else { break }
      text.append(character)
      index += 1
    }
    return text
  }

  private mutating func scanName() -> String {
    var name = ""
    while index < characters.count,
      characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
    {
      name.append(characters[index])
      index += 1
    }
    return name
  }

  private mutating func scanString(prefix: String) throws(SyntaxFailure)
    -> PythonStringLiteral.Piece
  {
    let quote = characters[index]
    let triple = peek(1) == quote && peek(2) == quote
    index += triple ? 3 : 1
    var body = ""
    while index < characters.count {
      let character = characters[index]
      if character == "\\" {
        guard index + 1 < characters.count else { throw SyntaxFailure() }
        body.append(character)
        body.append(characters[index + 1])
        index += 2
        continue
      }
      if character == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
        index += triple ? 3 : 1
        return try PythonStringLiteral.piece(prefix: prefix, body: body)
      }
      body.append(character)
      index += 1
    }
    throw SyntaxFailure()
  }
}
