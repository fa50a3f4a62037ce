import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Merge keys")
struct MergeKeyTests {
  static let anchors = """
    base: &base {a: base-a, b: base-b, c: base-c}
    extra: &extra {b: extra-b, d: extra-d}
    """

  @Test("a single mapping merges; explicit keys win wherever they are written")
  func singleMerge() throws {
    let root = try parse(Self.anchors + "\nout:\n  a: own-a\n  <<: *base\n  c: own-c\n")
    let out = try #require(root["out"])
    #expect(out.keys == ["a", "b", "c"])
    #expect(out["a"]?.string == "own-a")
    #expect(out["b"]?.string == "base-b")
    #expect(out["c"]?.string == "own-c")
  }

  @Test("in a list of mappings, earlier mappings win over later ones")
  func listMerge() throws {
    let root = try parse(Self.anchors + "\nout:\n  <<: [*extra, *base]\n  e: own\n")
    let out = try #require(root["out"])
    #expect(out.keys == ["b", "d", "a", "c", "e"])
    #expect(out["b"]?.string == "extra-b")
    #expect(out["a"]?.string == "base-a")
  }

  @Test("merged pairs keep the marks of where they were written")
  func mergedMarks() throws {
    let root = try parse(Self.anchors + "\nout:\n  <<: *base\n")
    #expect(root.at("out.a")?.location == SourceLocation(file: "test.yaml", line: 1, column: 17))
  }

  @Test("an inline mapping can be merged, and merges nest")
  func inlineAndNested() throws {
    let root = try parse(
      "one: &one {x: 1}\ntwo: &two\n  <<: *one\n  y: 2\nthree:\n  <<: [*two, {z: 3}]\n")
    #expect(root["three"]?.keys == ["x", "y", "z"])
  }

  @Test("a quoted '<<' is an ordinary key")
  func quotedMergeKey() throws {
    let root = try parse("m: {'<<': 1, a: 2}\n")
    #expect(root["m"]?.keys == ["<<", "a"])
  }

  @Test(
    "a merge value that is not a mapping or a list of mappings is KLN107 at the '<<' key",
    arguments: [
      ("m:\n  <<: 5\n", 2, 3, 2, 7), ("m:\n  <<: [{a: 1}, 2]\n", 2, 3, 2, 16),
      ("s: &s [1]\nm:\n  <<: *s\n", 3, 3, 1, 8), ("m: {<<: ~}\n", 1, 5, 1, 9),
    ])
  func invalidMerge(source: String, keyLine: Int, keyColumn: Int, line: Int, column: Int) throws {
    let diagnostic = try #require(parseError(source))
    #expect(diagnostic.id == "KLN107")
    #expect(
      diagnostic.location == SourceLocation(file: "test.yaml", line: keyLine, column: keyColumn))
    #expect(
      diagnostic.related.first?.location
        == SourceLocation(file: "test.yaml", line: line, column: column))
  }

  @Test("two merge keys in one mapping are a duplicate key")
  func twoMergeKeys() throws {
    let diagnostic = try #require(parseError(Self.anchors + "\nm:\n  <<: *base\n  <<: *extra\n"))
    #expect(diagnostic.id == "KLN102")
    #expect(diagnostic.location?.line == 5)
  }
}
