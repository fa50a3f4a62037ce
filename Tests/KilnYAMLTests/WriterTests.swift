import KilnDiagnostics
import KilnYAML
import Testing

@Suite("Writer")
struct WriterTests {
  static let documents: [String] = [
    "a: 1\nmode: 0640\n",
    "",
    "just a string\n",
    "- 1\n- two\n- [3, 4]\n- {five: 5}\n- []\n- {}\n",
    """
    all:
      children:
        control:
          hosts:
            ctl01: {ansible_host: 10.0.0.11, rack: "r1"}
            ctl02:
          vars:
            galera: true
            ratio: 1.5
            ports: [3306, "4567", 0x1F, 0o17, .inf, -.inf, .nan, ~, null, '']
      vars:
        motd: |
          Welcome
            indented line

          after blank
        folded: >
          one
          two
        no_newline: |-
          x
        keep: |+
          y


        empty: ""
        spaces: "  padded  "
        quote: 'it''s'
        yes_word: "yes"
        on_word: 'on'
        number_text: "123"
        colon: "a: b"
        hash: "a #b"
        plain_hash: a#b
        url: http://example.com:8080/x
        unicode: "é \\u00e9 \\t tab \\u2028 sep \\x01"
        crlf: "a\\r\\nb"
        lead_newline: "\\nx"
        only_newlines: "\\n\\n"
        ws_line: "a\\n   \\nb\\n"
        merge_text: "<<"
        dashes: "--- x"
        "key with: colon": 1
        "": empty key
        1: int key
        true: bool key
        ~: null key
    """,
    "list: !append\n  - a\nold: !unset\nsecret: !secret s3cr3t\nreplace: !replace {}\n"
      + "nested:\n  - !prepend [x]\n  - !replace\n    k: v\n",
    "? [complex, key]\n: value\n? {a: 1}\n: other\n",
    "- - - deep\n    - er\n  - x\n- y\n",
    "!append\n- root tagged\n",
    "!unset\n",
    "|\n  root literal\n",
  ]

  @Test("parse(write(tree)) has the same value as the tree", arguments: documents)
  func roundTrip(source: String) throws {
    let original = try parse(source)
    let written = YAMLWriter.write(original)
    let reread = try YAMLParser.parse(written, file: "written.yaml")
    #expect(reread.root.hasSameValue(as: original), "written:\n\(written)")
    #expect(reread.warnings.isEmpty, "written:\n\(written)")
    #expect(YAMLWriter.write(reread.root) == written)
  }

  static let awkwardStrings: [String] = [
    "", " ", "yes", "No", "ON", "y", "123", "-5", "1.5", "1e3", ".inf", ".nan", "0x1F", "0o7",
    "null", "~", "NULL", "true", "False", "a: b", "a:", "# x", "a #b", " lead", "trail ", "\ttab",
    "multi\nline", "multi\nline\n", "x\n\n", "\n", "\n\nx", "  indented\nfirst", "\u{01}ctrl",
    "<<", "---", "...", "--- doc", "-x", "- x", "?x", "? x", ":x", ",x", "[x", "]x", "{x", "}x",
    "#x", "&x", "*x", "!x", "|x", ">x", "'x", "\"x", "%x", "@x", "`x", "é", "日本語",
    "a\u{2028}b", "a\u{85}b", "bom\u{FEFF}", "cr\rlf", "back\\slash", "quote\"inside",
    "a\tb", "emoji 🎉", "1_000", "0b101", "1:30", "1:30.5", "2026-11-25", "=", "10.0.0.11",
    "trailing spaces  \nline", "x\n  \ny",
    String(repeating: "long ", count: 400),
  ]

  @Test(
    "awkward strings are written so that they read back as the same string",
    arguments: awkwardStrings)
  func awkwardString(text: String) throws {
    let location = SourceLocation(file: "t", line: 1, column: 1)
    let value = YAMLNode(.scalar(YAMLScalar(string: text)), location: location)
    let tree = YAMLNode(
      .mapping([
        YAMLPair(key: YAMLNode(.scalar(YAMLScalar(string: "k")), location: location), value: value),
        YAMLPair(key: value, value: YAMLNode(.sequence([value]), location: location)),
      ]), location: location)
    let written = YAMLWriter.write(tree)
    let reread = try YAMLParser.parse(written, file: "written.yaml")
    #expect(reread.root["k"]?.string == text, "written:\n\(written)")
    #expect(reread.root.hasSameValue(as: tree), "written:\n\(written)")
    #expect(reread.warnings.isEmpty)
  }

  @Test("the output is block style with 2-space indentation and minimal quoting")
  func exactOutput() throws {
    let root = try parse(
      """
      name: 'rabbitmq'
      restart: [rabbitmq]
      files: [{src: rabbitmq.conf.j2, mode: "0640"}, {src: x, secret: true}]
      flags: {a: yes, b: "on"}
      extra: !append
        - "x"
      empty: {}
      host:
      ip: 10.0.0.11
      version: "1.2"
      date: "2026-11-25"
      """)
    let expected = """
      name: rabbitmq
      restart:
        - rabbitmq
      files:
        - src: rabbitmq.conf.j2
          mode: "0640"
        - src: x
          secret: true
      flags:
        a: "yes"
        b: "on"
      extra: !append
        - x
      empty: {}
      host:
      ip: 10.0.0.11
      version: "1.2"
      date: "2026-11-25"

      """
    #expect(YAMLWriter.write(root) == expected)
  }

  @Test("writing is deterministic")
  func deterministic() throws {
    let root = try parse(Self.documents[4])
    let outputs = (0..<5).map { _ in YAMLWriter.write(root) }
    #expect(Set(outputs).count == 1)
  }
}
