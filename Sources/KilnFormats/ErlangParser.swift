import KilnDiagnostics

/// Parses files of Erlang terms (`advanced.config`, `enabled_plugins`): each term ends with `.`.
public enum ErlangParser {
  /// Deepest nesting accepted.
  static let maximumDepth = 256

  /// Parses every `.`-terminated term of the file.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError)
    -> ErlangDocument
  {
    var lexer = ErlangLexer(try SourceLines.decode(bytes, file: file), file: file)
    var parser = ErlangTermReader(tokens: try lexer.tokens())
    var terms: [ErlangTerm] = []
    while parser.current.kind != .end {
      terms.append(try parser.term(depth: 0))
      try parser.expect(".", hint: "end every term with '.'")
    }
    return ErlangDocument(terms: terms)
  }
}

/// Recursive descent over the tokens.
struct ErlangTermReader {
  let tokens: [ErlangToken]
  var position = 0

  var current: ErlangToken { tokens[min(position, tokens.count - 1)] }

  func describe(_ token: ErlangToken) -> String {
    switch token.kind {
    case .atom(let name): "the atom '\(name)'"
    case .string: "a string"
    case .integer(let text), .float(let text): "the number \(text)"
    case .punctuation(let text): "'\(text)'"
    case .end: "the end of the file"
    }
  }

  func error(_ message: String, hint: String) -> DiagnosticsError {
    FormatDiagnostics.error(FormatDiagnostics.erlangSyntax, message, at: current.location, hint: hint)
  }

  mutating func expect(_ text: String, hint: String) throws(DiagnosticsError) {
    guard current.kind == .punctuation(text) else {
      throw error("expected '\(text)', found \(describe(current))", hint: hint)
    }
    position += 1
  }

  mutating func accept(_ text: String) -> Bool {
    guard current.kind == .punctuation(text) else { return false }
    position += 1
    return true
  }

  mutating func term(depth: Int) throws(DiagnosticsError) -> ErlangTerm {
    guard depth < ErlangParser.maximumDepth else {
      throw error("nesting deeper than \(ErlangParser.maximumDepth) levels", hint: "flatten the term")
    }
    let token = current
    position += 1
    switch token.kind {
    case .atom(let name): return .atom(name)
    case .string(var text):
      while case .string(let more) = current.kind {
        text += more
        position += 1
      }
      return .string(text)
    case .integer(let text): return .integer(text)
    case .float(let text): return .float(text)
    case .punctuation("{"):
      return .tuple(try sequence(close: "}", depth: depth))
    case .punctuation("["):
      return try list(depth: depth)
    case .punctuation("<<"):
      return .binary(try sequence(close: ">>", depth: depth))
    case .punctuation("#{"):
      return try map(depth: depth)
    default:
      position -= 1
      throw error(
        "expected a term, found \(describe(token))",
        hint: "write an atom, number, string, binary, tuple, list or map")
    }
  }

  mutating func sequence(close: String, depth: Int) throws(DiagnosticsError) -> [ErlangTerm] {
    var items: [ErlangTerm] = []
    if accept(close) { return items }
    repeat {
      items.append(try term(depth: depth + 1))
    } while accept(",")
    try expect(close, hint: "separate elements with ',' and close with '\(close)'")
    return items
  }

  mutating func list(depth: Int) throws(DiagnosticsError) -> ErlangTerm {
    var items: [ErlangTerm] = []
    if accept("]") { return .list(items, tail: nil) }
    repeat {
      items.append(try term(depth: depth + 1))
    } while accept(",")
    let tail = accept("|") ? try term(depth: depth + 1) : nil
    try expect("]", hint: "separate elements with ',' and close the list with ']'")
    return .list(items, tail: tail)
  }

  mutating func map(depth: Int) throws(DiagnosticsError) -> ErlangTerm {
    var entries: [ErlangMapEntry] = []
    if accept("}") { return .map(entries) }
    repeat {
      let key = try term(depth: depth + 1)
      guard accept("=>") || accept(":=") else {
        throw error("expected '=>' after the map key, found \(describe(current))",
          hint: "write #{key => value}")
      }
      entries.append(ErlangMapEntry(key: key, value: try term(depth: depth + 1)))
    } while accept(",")
    try expect("}", hint: "separate associations with ',' and close the map with '}'")
    return .map(entries)
  }
}
