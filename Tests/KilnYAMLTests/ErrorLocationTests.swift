import KilnDiagnostics
import KilnYAML
import Testing

/// One malformed input and the diagnostic it must produce.
struct MalformedCase: Sendable, CustomTestStringConvertible {
  var name: String
  var source: String
  var id: DiagnosticID
  var line: Int
  var column: Int
  /// Words the message must contain.
  var words: [String]

  var testDescription: String { name }
}

@Suite("Errors and their locations")
struct ErrorLocationTests {
  static let cases: [MalformedCase] = [
    .init(
      name: "unterminated double quote", source: "a: \"abc\nb: 1\n", id: "KLN101", line: 1,
      column: 4, words: ["unterminated", "quote"]),
    .init(
      name: "unterminated single quote", source: "x: 1\na: 'abc\n", id: "KLN101", line: 2,
      column: 4, words: ["unterminated"]),
    .init(
      name: "bad indentation of a key", source: "a:\n  b: 1\n c: 2\n", id: "KLN101", line: 3,
      column: 2, words: ["indentation"]),
    .init(
      name: "bad indentation in a list", source: "a:\n  - x\n  y: 1\n", id: "KLN101", line: 3,
      column: 3, words: ["indentation", "list"]),
    .init(
      name: "key indented under a key with a value",
      source: "mariadb:\n  max_connections: 100\n   innodb: 5\n", id: "KLN101", line: 3,
      column: 4, words: ["indentation", "line 2"]),
    .init(
      name: "quote inside a single-quoted value", source: "a: 'it's'\n", id: "KLN101",
      line: 1, column: 8, words: ["after the value"]),
    .init(
      name: "text after a quoted value", source: "a: \"{{ x }}\" trailing\n", id: "KLN101",
      line: 1, column: 14, words: ["after the value"]),
    .init(
      name: "unquoted template expression", source: "a: 1\nb: {{ value }}\n", id: "KLN101",
      line: 2, column: 4, words: ["template", "'{{'"]),
    .init(
      name: "mapping value in a plain value", source: "a: b: c\n", id: "KLN101", line: 1,
      column: 5, words: ["':'"]),
    .init(
      name: "nested mapping under a key with a value", source: "a: b\n  c: d\n",
      id: "KLN101", line: 2, column: 3, words: ["indentation", "line 1"]),
    .init(
      name: "list after a mapping", source: "a: 1\n- b\n", id: "KLN101", line: 2, column: 1,
      words: ["expected a key"]),
    .init(
      name: "unclosed flow list", source: "a: [1, 2\nb: 3\n", id: "KLN101", line: 2, column: 2,
      words: ["']'"]),
    .init(
      name: "unclosed flow mapping", source: "a: {x: 1\n", id: "KLN101", line: 2, column: 1,
      words: ["'}'"]),
    .init(
      name: "reserved character", source: "a: @x\n", id: "KLN101", line: 1, column: 4,
      words: ["'@'"]),
    .init(
      name: "unknown escape", source: "a: \"\\q\"\n", id: "KLN101", line: 1, column: 5,
      words: ["escape"]),
    .init(
      name: "alias without a name", source: "a: *\n", id: "KLN101", line: 1, column: 5,
      words: ["alias", "name"]),
    .init(
      name: "duplicate key", source: "a: 1\nb: 2\na: 3\n", id: "KLN102", line: 3, column: 1,
      words: ["'a'"]),
    .init(
      name: "duplicate key by value", source: "m:\n  1: a\n  0x1: b\n", id: "KLN102", line: 3,
      column: 3, words: ["duplicate"]),
    .init(
      name: "duplicate key in a flow mapping", source: "{x: 1, y: 2, x: 3}\n", id: "KLN102",
      line: 1, column: 14, words: ["'x'"]),
    .init(
      name: "unknown tag", source: "a: !foo 1\n", id: "KLN103", line: 1, column: 4,
      words: ["'!foo'"]),
    .init(
      name: "second document", source: "a: 1\n---\nb: 2\n", id: "KLN104", line: 2, column: 1,
      words: ["second"]),
    .init(
      name: "tab indentation", source: "a:\n\tb: 1\n", id: "KLN105", line: 2, column: 1,
      words: ["tab"]),
    .init(
      name: "tab after spaces", source: "a:\n  b:\n  \tc: 1\n", id: "KLN105", line: 3,
      column: 3, words: ["tab"]),
    .init(
      name: "tab in a block scalar's indentation", source: "a: |\n  x\n\ty\n", id: "KLN105",
      line: 3, column: 1, words: ["tab"]),
    .init(
      name: "tab before a list item", source: "- a\n\t- b\n", id: "KLN105", line: 2,
      column: 1, words: ["tab"]),
    .init(
      name: "tab after a plain value", source: "a:\n  b: 1\n\tc: 2\n", id: "KLN105",
      line: 3, column: 1, words: ["tab"]),
    .init(
      name: "tab on the first line", source: "\ta: 1\n", id: "KLN105", line: 1, column: 1,
      words: ["tab"]),
    .init(
      name: "undefined alias", source: "a: *nope\n", id: "KLN106", line: 1, column: 4,
      words: ["'*nope'"]),
    .init(
      name: "invalid merge", source: "m:\n  <<: text\n", id: "KLN107", line: 2, column: 3,
      words: ["'<<'"]),
    .init(
      name: "control character", source: "a: b\u{01}c\n", id: "KLN101", line: 1, column: 5,
      words: ["U+0001"]),
    .init(
      name: "unsupported version", source: "%YAML 1.3\n---\na: 1\n", id: "KLN101", line: 1,
      column: 1, words: ["%YAML"]),
  ]

  @Test("each malformed input gives its diagnostic at the exact location", arguments: cases)
  func located(_ malformed: MalformedCase) throws {
    let diagnostic = try #require(parseError(malformed.source))
    #expect(diagnostic.id == malformed.id, "\(diagnostic)")
    #expect(diagnostic.severity == .error)
    #expect(
      diagnostic.location
        == SourceLocation(file: "test.yaml", line: malformed.line, column: malformed.column),
      "\(diagnostic)")
    for word in malformed.words {
      #expect(diagnostic.message.contains(word), "\(diagnostic.message)")
    }
    #expect(diagnostic.hint?.isEmpty == false)
  }

  @Test("a duplicate key names the first definition as related")
  func duplicateRelated() throws {
    let diagnostic = try #require(parseError("a: 1\nb: 2\na: 3\n"))
    #expect(
      diagnostic.related.map(\.location) == [SourceLocation(file: "test.yaml", line: 1, column: 1)])
  }

  @Test("an unterminated quote also points at where the file ends")
  func unterminatedRelated() throws {
    let diagnostic = try #require(parseError("a: \"abc\nb: 1\n"))
    #expect(diagnostic.related.first?.location.line == 3)
  }

  @Test(
    "invalid UTF-8 is a located error",
    arguments: [
      ([0x61, 0x3A, 0x20, 0xFF, 0x0A] as [UInt8], 1, 4),
      ([0x61, 0x3A, 0x20, 0x62, 0x0A, 0x63, 0x3A, 0x20, 0xC3, 0x28, 0x0A], 2, 5),
      ([0xC3, 0xA9, 0x3A, 0x20, 0xE2, 0x82], 1, 4),
    ])
  func invalidUTF8(bytes: [UInt8], line: Int, column: Int) throws {
    do {
      _ = try YAMLParser.parse(bytes: bytes, file: "bytes.yaml")
      Issue.record("invalid UTF-8 parsed")
    } catch {
      #expect(error.diagnostic.id == "KLN101")
      #expect(error.diagnostic.message.contains("UTF-8"))
      #expect(
        error.diagnostic.location == SourceLocation(file: "bytes.yaml", line: line, column: column))
    }
  }

  @Test("tabs that are not indentation are accepted")
  func tabsOutsideIndentation() throws {
    let root = try parse("a:\tb\nc: [1,\n\t2]\nd: \"x\ty\"\ne: |\n  first\n  \tlead\n")
    #expect(root["a"]?.string == "b")
    #expect(root["c"]?.sequenceItems?.count == 2)
    #expect(root["e"]?.string == "first\n\tlead\n")
  }

  @Test("the error's text form reads file:line:col: error[ID]: message, then the hint")
  func rendering() throws {
    do {
      _ = try YAMLParser.parse("a: 1\na: 2\n", file: "group_vars/all.yaml")
      Issue.record("duplicate parsed")
    } catch {
      let lines = error.description.split(separator: "\n")
      #expect(lines.first?.hasPrefix("group_vars/all.yaml:2:1: error[KLN102]: ") == true)
      #expect(lines.contains { $0.hasPrefix("  note: group_vars/all.yaml:1:1:") })
      #expect(lines.contains { $0.hasPrefix("  hint: ") })
    }
  }

  @Test("nesting beyond the limit is a located error")
  func deepNesting() throws {
    let depth = 10_000
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let diagnostic = try #require(parseError(text))
    #expect(diagnostic.id == "KLN101")
    #expect(diagnostic.location?.line == 1)
  }
}
