import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Node marks")
struct MarkTests {
  static let document = """
    # inventory
    all:
      children:
        control:
          hosts:
            ctl01: {ansible_host: 10.0.0.11, rack: "r1"}
            ctl02:
              ansible_host: 10.0.0.12
      vars:
        ports:
          - 3306
          -   4567
          - name: é-port
            value: |
              literal
    """

  @Test(
    "every nested node carries its 1-based line and column",
    arguments: [
      ("all", 3, 3),
      ("all.children", 4, 5),
      ("all.children.control.hosts", 6, 9),
      ("all.children.control.hosts.ctl01", 6, 16),
      ("all.children.control.hosts.ctl01.ansible_host", 6, 31),
      ("all.children.control.hosts.ctl01.rack", 6, 48),
      ("all.children.control.hosts.ctl02.ansible_host", 8, 25),
      ("all.vars.ports", 11, 7),
      ("all.vars.ports.0", 11, 9),
      ("all.vars.ports.1", 12, 11),
      ("all.vars.ports.2", 13, 9),
      ("all.vars.ports.2.name", 13, 15),
      ("all.vars.ports.2.value", 14, 16),
    ])
  func nodeMarks(path: String, line: Int, column: Int) throws {
    let node = try #require(try parse(Self.document).at(path))
    #expect(node.location == SourceLocation(file: "test.yaml", line: line, column: column))
  }

  @Test("keys carry their own marks")
  func keyMarks() throws {
    let root = try parse(Self.document)
    let hosts = try #require(root.at("all.children.control.hosts")?.mappingPairs)
    #expect(hosts.map(\.key.location.line) == [6, 7])
    #expect(hosts.map(\.key.location.column) == [9, 9])
  }

  @Test("columns count Unicode scalars, not bytes")
  func unicodeColumns() throws {
    let root = try parse("clé: ünïcödé\nname: [αβγ, δ]\n")
    #expect(root["clé"]?.location.column == 6)
    #expect(root.at("name.1")?.location == SourceLocation(file: "test.yaml", line: 2, column: 13))
  }

  @Test(
    "CRLF line breaks and a byte order mark do not shift marks",
    arguments: ["a: 1\r\nb:\r\n  - x\r\n", "\u{FEFF}a: 1\nb:\n  - x\n"])
  func lineBreaksAndByteOrderMark(text: String) throws {
    let root = try YAMLParser.parse(bytes: Array(text.utf8), file: "test.yaml").root
    #expect(root.at("a")?.location == SourceLocation(file: "test.yaml", line: 1, column: 4))
    #expect(root.at("b.0")?.location == SourceLocation(file: "test.yaml", line: 3, column: 5))
    #expect(root.keys == ["a", "b"])
  }

  @Test("an empty document has a null root at 1:1")
  func emptyDocument() throws {
    for text in ["", "# only a comment\n", "\n\n"] {
      let root = try parse(text)
      #expect(root.isNull)
      #expect(root.location == SourceLocation(file: "test.yaml", line: 1, column: 1))
    }
  }

  @Test("the file name given to the parser is in every mark")
  func fileName() throws {
    let root = try YAMLParser.parse("a: [1]\n", file: "environments/prod/inventory.yaml").root
    #expect(root.at("a.0")?.location.description == "environments/prod/inventory.yaml:1:5")
  }
}
