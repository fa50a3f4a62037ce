import Foundation
import KilnTestSupport
import KilnYAML
import Testing

/// PyYAML (the YAML library Ansible reads inventories with), run as a peer: it reports the
/// same canonical forms the tests compute from Kiln's tree.
enum PyYAMLPeer {
  /// Node kinds and marks in pre-order (`yaml.compose`), and merged data (`yaml.safe_load`),
  /// one line per input document; scalar text is hex-encoded UTF-8.
  static let script = """
    import sys, yaml
    def h(s): return s.encode('utf-8').hex()
    def marks(n):
        m = '%d:%d' % (n.start_mark.line + 1, n.start_mark.column + 1)
        if isinstance(n, yaml.ScalarNode): return 's' + m + '=' + h(n.value)
        if isinstance(n, yaml.SequenceNode): return 'q' + m + '[' + ','.join(marks(c) for c in n.value) + ']'
        return 'm' + m + '{' + ','.join(marks(k) + ':' + marks(v) for k, v in n.value) + '}'
    def data(v):
        if v is None: return 'n'
        if v is True or v is False: return 'b' + str(v).lower()
        if isinstance(v, int): return 'i' + str(v)
        if isinstance(v, str): return 's' + h(v)
        if isinstance(v, list): return '[' + ','.join(data(x) for x in v) + ']'
        return '{' + ','.join(sorted(data(k) + ':' + data(x) for k, x in v.items())) + '}'
    mode = sys.argv[1]
    for doc in sys.stdin.read().split('\\0'):
        print(marks(yaml.compose(doc, Loader=yaml.SafeLoader)) if mode == 'marks' else data(yaml.safe_load(doc)))
    """

  /// Whether `python3` with PyYAML can be run here.
  static let isAvailable: Bool = (try? run(mode: "data", documents: ["a: 1"])) == ["{s61:i1}"]

  /// The peer's canonical form of each document.
  static func run(mode: String, documents: [String]) throws -> [String] {
    let peer = try TestProcess.run(
      "python3", ["-c", script, mode], input: Data(documents.joined(separator: "\0").utf8))
    return peer.output.split(separator: "\n").map(String.init)
  }
}

/// The same canonical forms, computed from Kiln's tree.
enum KilnCanonicalForm {
  static func hex(_ text: String) -> String {
    text.utf8.map {
      String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
    }
    .joined()
  }

  static func marks(_ node: YAMLNode) -> String {
    let mark = "\(node.location.line):\(node.location.column)"
    switch node.content {
    case .scalar(let scalar): return "s\(mark)=\(hex(scalar.text))"
    case .sequence(let items): return "q\(mark)[" + items.map(marks).joined(separator: ",") + "]"
    case .mapping(let pairs):
      return "m\(mark){"
        + pairs.map { marks($0.key) + ":" + marks($0.value) }.joined(separator: ",") + "}"
    }
  }

  static func data(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let scalar):
      switch scalar.value {
      case .null: return "n"
      case .bool(let value): return "b\(value)"
      case .int(let value): return "i\(value)"
      case .float(let value): return "f\(value)"
      case .string(let text): return "s" + hex(text)
      }
    case .sequence(let items): return "[" + items.map(data).joined(separator: ",") + "]"
    case .mapping(let pairs):
      return "{" + pairs.map { data($0.key) + ":" + data($0.value) }.sorted().joined(separator: ",")
        + "}"
    }
  }
}

@Suite("Differential against PyYAML")
struct PeerDifferentialTests {
  /// Documents on which YAML 1.1 and 1.2 agree, written the ways operators write them.
  static let documents: [String] = [
    FuzzCorpus.inventory,
    "all:\n  hosts:\n    ctl01:\n      ansible_host: 10.0.0.11\n  children:\n    control:\n",
    "- a\n- [b, {c: d}]\n-   - nested\n    - items\n- key: value\n  other: 'quoted'\n",
    "motd: |\n  line one\n    indented\n\n  last\nfolded: >-\n  one\n  two\n\n  three\n",
    "esc: \"tab\\tnew\\nline \\u00e9 \\x41\"\nsingle: 'it''s'\nmulti: \"a\n  b\n\n  c\"\n",
    "clé: ünï\n日本: [語, 'é']\nemoji: \"🎉 x\"\n",
    "a: &x {k: v}\nb: *x\nc: [*x, &y 5, *y]\n",
    "? complex key\n: value\nplain multi: word\n  continued\n",
    "crlf: 1\r\nnext:\r\n  - x\r\n",
    "{flow: [1, 2, {deep: true}], 'q': \"d\"}\n",
    "--- !!map\nk: !!str 12\n",
  ]

  /// Documents with merge keys (compared as data: PyYAML orders merged keys differently).
  static let mergeDocuments: [String] = [
    "base: &b {a: 1, b: 2}\nout:\n  <<: *b\n  b: 3\n  c: 4\n",
    "x: &x {a: x}\ny: &y {a: y, b: y}\nout:\n  <<: [*x, *y]\n  c: own\n",
    FuzzCorpus.groupVars.replacingOccurrences(of: "!append", with: "")
      .replacingOccurrences(of: "!secret", with: "")
      .replacingOccurrences(of: "[1.5, .inf, 0x10, 0o17, ~, yes]", with: "[0x10, ~]")
      .replacingOccurrences(of: "enable_tls: on", with: "enable_tls: true"),
  ]

  @Test("node kinds, scalar text and every mark agree with PyYAML's composer")
  func marksAgree() throws {
    let peer = try PyYAMLPeer.run(mode: "marks", documents: Self.documents)
    #expect(peer.count == Self.documents.count)
    for (document, expected) in zip(Self.documents, peer) {
      let root = try YAMLParser.parse(document, file: "peer.yaml").root
      #expect(KilnCanonicalForm.marks(root) == expected, "document:\n\(document)")
    }
  }

  @Test("loaded data, with merge keys applied, agrees with PyYAML's safe_load")
  func dataAgrees() throws {
    let documents = Self.documents + Self.mergeDocuments
    let peer = try PyYAMLPeer.run(mode: "data", documents: documents)
    #expect(peer.count == documents.count)
    for (document, expected) in zip(documents, peer) {
      let root = try YAMLParser.parse(document, file: "peer.yaml").root
      #expect(KilnCanonicalForm.data(root) == expected, "document:\n\(document)")
    }
  }
}

@Suite("Writer output read by PyYAML")
struct PeerWriterTests {
  /// Strings that YAML 1.1 would read as something else unless quoted.
  static let yaml11Traps = """
    a: "yes"
    b: "off"
    c: "0640"
    d: "1_000"
    e: "0b101"
    f: "1:30"
    g: "2026-11-25"
    h: "y"
    i: "~"
    j: "<<"
    """

  @Test("Ansible's YAML library reads the writer's output as the same data")
  func writtenReadsTheSame() throws {
    let documents = PeerDifferentialTests.documents + PeerDifferentialTests.mergeDocuments
    let written = try documents.map { YAMLWriter.write(try YAMLParser.parse($0, file: "w").root) }
    let original = try PyYAMLPeer.run(mode: "data", documents: documents)
    let reread = try PyYAMLPeer.run(mode: "data", documents: written)
    #expect(reread == original)
  }

  @Test("strings YAML 1.1 would read as other types are written so Ansible reads strings")
  func yaml11TrapsStayStrings() throws {
    let root = try YAMLParser.parse(Self.yaml11Traps, file: "t").root
    let written = YAMLWriter.write(root)
    let reread = try PyYAMLPeer.run(mode: "data", documents: [written])
    #expect(reread == [KilnCanonicalForm.data(root)], "written:\n\(written)")
  }
}
