import Testing

@testable import Jinja

/// Tokens, literals and positions produced by the lexer.
@Suite struct LexerTests {
  func tokens(_ text: String, options: TemplateOptions = .jinja2) throws -> [Token] {
    let bytes = Array(text.utf8)
    var lexer = Lexer(
      bytes: bytes, start: 0, options: options, lines: LineTable(file: "l.j2", bytes: bytes))
    return try lexer.tokenize()
  }

  @Test func splitsDataAndTags() throws {
    let kinds = try tokens("a{{ b }}c{% d %}{# e #}f").map(\.kind)
    #expect(
      kinds == [
        .data, .variableBegin, .name, .variableEnd, .data, .blockBegin, .name, .blockEnd, .data,
        .eof,
      ])
  }

  @Test func lexesLiterals() throws {
    let lexed = try tokens("{{ 42 1_000 0x1F 2.5 1e3 'a\\'b' \"c\\nd\" x.0.1 }}")
    let values = lexed.compactMap { token -> String? in
      switch token.kind {
      case .integer: return "i\(token.integer)"
      case .float: return "f\(token.float)"
      case .string: return "s\(token.text)"
      case .name: return "n\(token.text)"
      default: return nil
      }
    }
    #expect(
      values == ["i42", "i1000", "i31", "f2.5", "f1000.0", "sa'b", "sc\nd", "nx", "i0", "i1"])
  }

  @Test func lexesOperatorsLongestFirst() throws {
    let operators = try tokens("{{ a // b ** c == d != e >= f <= g ~ h }}").filter {
      $0.kind == .op
    }
    .map(\.text)
    #expect(operators == ["//", "**", "==", "!=", ">=", "<=", "~"])
  }

  @Test func bracesInsideExpressionsDoNotCloseTheTag() throws {
    let kinds = try tokens("{{ {'a': {'b': 1}} }}").map(\.kind)
    #expect(kinds.filter { $0 == .variableEnd }.count == 1)
  }

  @Test func tracksLinesAndColumns() throws {
    let text = "ab\nçd {{ x }}"
    let lexed = try tokens(text)
    let name = try #require(lexed.first { $0.kind == .name })
    let span = LineTable(file: "l.j2", bytes: Array(text.utf8)).span(name.offset, name.length)
    #expect(span.line == 2)
    #expect(span.column == 7)
  }
}
