import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Anchors and aliases")
struct AnchorAliasTests {
  @Test("an alias resolves to the anchored node, keeping the anchored node's marks")
  func aliasResolves() throws {
    let root = try parse(
      """
      defaults: &defaults
        timeout: 30
        hosts: [a, b]
      service:
        settings: *defaults
        port: &port 5672
        again: *port
      """)
    let defaults = try #require(root["defaults"])
    let settings = try #require(root.at("service.settings"))
    #expect(settings == defaults)
    #expect(settings.location == SourceLocation(file: "test.yaml", line: 1, column: 11))
    #expect(root.at("service.again")?.int == 5672)
  }

  @Test("an anchor may be redefined; later aliases see the latest node")
  func redefinition() throws {
    let root = try parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
    #expect(root["b"]?.int == 1)
    #expect(root["d"]?.int == 2)
  }

  @Test(
    "an alias to an unknown anchor is KLN106 at the alias",
    arguments: [
      ("a: *missing\n", 1, 4), ("a: 1\nb:\n  - *nope\n", 3, 5),
      ("first: *later\nsecond: &later 1\n", 1, 8),
    ])
  func unknownAnchor(source: String, line: Int, column: Int) throws {
    let diagnostic = try #require(parseError(source))
    #expect(diagnostic.id == "KLN106")
    #expect(diagnostic.location == SourceLocation(file: "test.yaml", line: line, column: column))
    #expect(diagnostic.hint != nil)
  }

  @Test("an alias inside the node it names is KLN106")
  func recursiveAlias() throws {
    let diagnostic = try #require(parseError("a: &loop\n  b: *loop\n"))
    #expect(diagnostic.id == "KLN106")
    #expect(diagnostic.location == SourceLocation(file: "test.yaml", line: 2, column: 6))
    #expect(diagnostic.related.first?.location.line == 1)
  }

  @Test("anchors do not leak between documents")
  func perDocument() throws {
    #expect(throws: YAMLError.self) {
      _ = try YAMLParser.parseAll("--- &a 1\n--- *a\n", file: "test.yaml")
    }
  }

  @Test("an alias bomb is a located error, not an exhaustion")
  func aliasBomb() throws {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      let items = Array(repeating: previous, count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(items)]\n"
    }
    let diagnostic = try #require(parseError(text))
    #expect(diagnostic.id == "KLN101")
    #expect(diagnostic.message.contains("aliases"))
  }
}
