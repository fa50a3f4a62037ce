import KilnDiagnostics

/// One token of Erlang term syntax.
struct ErlangToken: Sendable {
  enum Kind: Sendable, Equatable {
    case atom(String)
    case string(String)
    case integer(String)
    case float(String)
    case punctuation(String)
    case end
  }
  var kind: Kind
  var location: SourceLocation
}

/// Splits Erlang term text into tokens; `%` starts a comment to the end of the line.
struct ErlangLexer: ScalarScanning {
  let scalars: [Unicode.Scalar]
  let file: String
  var index = 0
  var line = 1
  var column = 1

  init(_ scalars: [Unicode.Scalar], file: String) {
    self.scalars = scalars
    self.file = file
  }

  static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_"
      || c == "@"
  }

  func error(_ message: String, at location: SourceLocation, hint: String) -> DiagnosticsError {
    FormatDiagnostics.error(FormatDiagnostics.erlangSyntax, message, at: location, hint: hint)
  }

  mutating func tokens() throws(DiagnosticsError) -> [ErlangToken] {
    var result: [ErlangToken] = []
    while true {
      skipBlanks()
      let start = here
      guard let c = peek else {
        result.append(ErlangToken(kind: .end, location: start))
        return result
      }
      result.append(ErlangToken(kind: try token(startingWith: c, at: start), location: start))
    }
  }

  mutating func skipBlanks() {
    while let c = peek {
      if c == "%" {
        while let d = peek, d != "\n" { advance() }
      } else if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
      } else {
        return
      }
    }
  }

  mutating func token(startingWith c: Unicode.Scalar, at start: SourceLocation)
    throws(DiagnosticsError) -> ErlangToken.Kind
  {
    let pairs = ["<<", ">>", "#{", "=>", ":="]
    for pair in pairs where pair.unicodeScalars.elementsEqual([c, peek(1) ?? " "]) {
      advance()
      advance()
      return .punctuation(pair)
    }
    if "{}[],.|".unicodeScalars.contains(c) {
      advance()
      return .punctuation(String(c))
    }
    if ("a"..."z").contains(c) { return .atom(name()) }
    if c == "'" { return .atom(try quoted("'", start: start)) }
    if c == "\"" { return .string(try quoted("\"", start: start)) }
    if ("0"..."9").contains(c)
      || (c == "-" || c == "+") && (peek(1).map { ("0"..."9").contains($0) } ?? false)
    {
      return number()
    }
    if c == "$" { return try character(start: start) }
    if ("A"..."Z").contains(c) || c == "_" {
      throw error(
        "expected a term, found the variable '\(name())'", at: start,
        hint: "configuration files hold constant terms; quote it as an atom ('\(c)…') or a string")
    }
    throw error(
      "expected a term, found '\(Character(c))'", at: start,
      hint: "write atoms, numbers, \"strings\", <<\"binaries\">>, {tuples} and [lists]")
  }

  mutating func name() -> String {
    let start = index
    while let c = peek, ErlangLexer.isNameScalar(c) { advance() }
    return String(scalars: scalars[start..<index])
  }

  mutating func number() -> ErlangToken.Kind {
    let start = index
    advance()
    while let c = peek, ("0"..."9").contains(c) || c == "_" { advance() }
    if peek == "#" {
      advance()
      while let c = peek, c.isASCII, ErlangLexer.isNameScalar(c) { advance() }
      return .integer(String(scalars: scalars[start..<index]))
    }
    guard peek == ".", let next = peek(1), ("0"..."9").contains(next) else {
      return .integer(String(scalars: scalars[start..<index]))
    }
    advance()
    while let c = peek, ("0"..."9").contains(c) { advance() }
    if peek == "e" || peek == "E" {
      advance()
      if peek == "-" || peek == "+" { advance() }
      while let c = peek, ("0"..."9").contains(c) { advance() }
    }
    return .float(String(scalars: scalars[start..<index]))
  }

  mutating func character(start: SourceLocation) throws(DiagnosticsError) -> ErlangToken.Kind {
    let begin = index
    advance()
    guard let c = peek else {
      throw error("expected a character after '$'", at: start, hint: "write e.g. $a")
    }
    advance()
    if c == "\\", peek != nil { advance() }
    return .integer(String(scalars: scalars[begin..<index]))
  }

  mutating func quoted(_ quote: Unicode.Scalar, start: SourceLocation) throws(DiagnosticsError)
    -> String
  {
    advance()
    var text = String.UnicodeScalarView()
    while let c = peek {
      advance()
      if c == quote { return String(text) }
      guard c == "\\" else {
        text.append(c)
        continue
      }
      guard let escaped = peek else { break }
      advance()
      let map: [Unicode.Scalar: Unicode.Scalar] = [
        "n": "\n", "t": "\t", "r": "\r", "s": " ", "e": "\u{1B}", "b": "\u{08}", "f": "\u{0C}",
        "v": "\u{0B}", "d": "\u{7F}",
      ]
      text.append(map[escaped] ?? escaped)
    }
    throw error(
      "expected \(quote) to close the \(quote == "'" ? "quoted atom" : "string") started here",
      at: start, hint: "close it with \(quote)")
  }
}
