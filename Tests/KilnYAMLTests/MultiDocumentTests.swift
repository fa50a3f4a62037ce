import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Documents in a stream")
struct MultiDocumentTests {
  @Test("parseAll reads every document with its own marks")
  func parseAllDocuments() throws {
    let documents = try YAMLParser.parseAll("--- a\n--- [1, 2]\n...\n---\nk: v\n", file: "s.yaml")
    #expect(documents.count == 3)
    #expect(documents[0].root.string == "a")
    #expect(documents[1].root.sequenceItems?.count == 2)
    #expect(documents[2].root["k"]?.location == SourceLocation(file: "s.yaml", line: 5, column: 4))
  }

  @Test("parseAll of an empty stream is no documents")
  func emptyStream() throws {
    #expect(try YAMLParser.parseAll("", file: "s.yaml").isEmpty)
    #expect(try YAMLParser.parseAll("# nothing\n", file: "s.yaml").isEmpty)
  }

  @Test(
    "parse accepts one document with or without markers",
    arguments: ["a: 1\n", "---\na: 1\n", "---\na: 1\n...\n", "%YAML 1.2\n---\na: 1\n"])
  func singleDocument(source: String) throws {
    #expect(try parse(source)["a"]?.int == 1)
  }

  @Test(
    "parse rejects a second document with KLN104 at its start",
    arguments: [("a: 1\n---\nb: 2\n", 2), ("--- 1\n--- 2\n", 2), ("a\n...\n---\nb\n", 3)])
  func secondDocument(source: String, line: Int) throws {
    let diagnostic = try #require(parseError(source))
    #expect(diagnostic.id == "KLN104")
    #expect(diagnostic.location?.line == line)
    #expect(diagnostic.related.first?.location.line == 1)
  }

  @Test("warnings belong to the document they were found in")
  func warningsPerDocument() throws {
    let documents = try YAMLParser.parseAll("a: yes\n---\nb: true\n", file: "s.yaml")
    #expect(documents.map(\.warnings.count) == [1, 0])
  }
}
