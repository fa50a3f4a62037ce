import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Tags")
struct TagTests {
  @Test("Kiln's tags are kept on the node", arguments: KilnTag.allCases)
  func kilnTagsKept(tag: KilnTag) throws {
    let root = try parse("list: \(tag.rawValue) [a, b]\nvalue: \(tag.rawValue) text\n")
    #expect(root["list"]?.tag == tag)
    #expect(root["list"]?.sequenceItems?.count == 2)
    #expect(root["value"]?.tag == tag)
    #expect(root["value"]?.string == "text")
  }

  @Test("a Kiln tag on a block collection and on an empty value")
  func kilnTagForms() throws {
    let root = try parse("servers: !append\n  - a\n  - b\nold: !unset\nmap: !replace\n  k: 1\n")
    #expect(root["servers"]?.tag == .append)
    #expect(root["servers"]?.sequenceItems?.count == 2)
    #expect(root["old"]?.tag == .unset)
    #expect(root["old"]?.isNull == true)
    #expect(root["map"]?.tag == .replace)
    #expect(root["map"]?["k"]?.int == 1)
  }

  @Test("untagged nodes have no tag; standard tags are not kept")
  func standardTagsNotKept() throws {
    let root = try parse("a: 1\nb: !!str 2\n")
    #expect(root["a"]?.tag == nil)
    #expect(root["b"]?.tag == nil)
  }

  @Test(
    "standard tags set the value",
    arguments: [
      ("!!str 123", ScalarValue.string("123")), ("!!str true", .string("true")),
      ("!!str", .string("")), ("!!int 42", .int(42)), ("!!int \"0x10\"", .int(16)),
      ("!!float 1", .float(1)), ("!!float .inf", .float(.infinity)),
      ("!!bool \"true\"", .bool(true)), ("!!null ~", .null), ("!!null", .null),
      ("! 12", .string("12")),
    ])
  func standardTagValues(source: String, expected: ScalarValue) throws {
    #expect(try parse("v: \(source)\n")["v"]?.scalar?.value == expected)
  }

  @Test("!!map and !!seq on matching collections are accepted")
  func collectionTags() throws {
    let root = try parse("m: !!map {a: 1}\ns: !!seq [1]\n")
    #expect(root["m"]?.mappingPairs?.count == 1)
    #expect(root["s"]?.sequenceItems?.count == 1)
  }

  @Test(
    "unknown tags are KLN103 naming the tag and listing the known ones",
    arguments: [
      ("v: !foo x\n", "!foo", 1, 4), ("v:\n  - !Append [a]\n", "!Append", 2, 5),
      ("v: !!binary aGVsbG8=\n", "!!binary", 1, 4), ("!vault |\n  x\n", "!vault", 1, 1),
      ("v: !<tag:example.com,2000:x> 1\n", "tag:example.com,2000:x", 1, 4),
    ])
  func unknownTags(source: String, tag: String, line: Int, column: Int) throws {
    let diagnostic = try #require(parseError(source))
    #expect(diagnostic.id == "KLN103")
    #expect(diagnostic.message.hasPrefix("unknown tag '\(tag)'"))
    #expect(diagnostic.location == SourceLocation(file: "test.yaml", line: line, column: column))
    let hint = try #require(diagnostic.hint)
    for known in KilnTag.allCases { #expect(hint.contains(known.rawValue)) }
  }

  @Test(
    "a misspelt Kiln tag gets a suggestion",
    arguments: [("!apend", "!append"), ("!Secret", "!secret"), ("!unsett", "!unset")])
  func suggestion(written: String, meant: String) throws {
    let diagnostic = try #require(parseError("v: \(written) x\n"))
    #expect(diagnostic.message.hasSuffix("did you mean '\(meant)'?"))
  }

  @Test(
    "standard tags that do not fit their node are KLN103",
    arguments: [
      "v: !!int abc\n", "v: !!float x\n", "v: !!bool yes\n", "v: !!null 0\n",
      "v: !!str [a]\n", "v: !!seq {a: 1}\n", "v: !!map [1]\n", "v: !!map x\n",
    ])
  func misfitTags(source: String) throws {
    let diagnostic = try #require(parseError(source))
    #expect(diagnostic.id == "KLN103")
    #expect(diagnostic.location?.line == 1)
    #expect(diagnostic.location?.column == 4)
  }
}
