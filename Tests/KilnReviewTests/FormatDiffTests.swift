import Foundation
import KilnFormats
import Testing

/// Semantic comparison per format: the path notation, old → new, and what counts as
/// formatting-only.
struct FormatDiffTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var format: String
    var old: String
    var new: String
    var expected: [String]
    var testDescription: String { name }
  }

  static let semanticCases: [Case] = [
    Case(
      name: "ini key", format: "ini", old: "[mysqld]\nmax_connections = 4096\nport = 3306\n",
      new: "[mysqld]\nport = 3306\nmax_connections = 8192\n",
      expected: ["changed [mysqld] max_connections: 4096 → 8192"]),
    Case(
      name: "ini multi-valued key", format: "ini",
      old: "[DEFAULT]\nnotify = a\nnotify = b\n", new: "[DEFAULT]\nnotify = a\nnotify = c\n",
      expected: [#"changed [DEFAULT] notify: ["a", "b"] → ["a", "c"]"#]),
    Case(
      name: "ini section added", format: "ini", old: "[a]\nx = 1\n",
      new: "[a]\nx = 1\n[b]\ny = 2\n", expected: ["added [b] y: 2"]),
    Case(
      name: "json path", format: "json",
      old: #"{"policies":[{},{},{"definition":{"ha-mode":"all"}}]}"#,
      new: #"{"policies":[{},{},{"definition":{"ha-mode":"exactly"}}]}"#,
      expected: [#"changed $.policies[2].definition.ha-mode: "all" → "exactly""#]),
    Case(
      name: "yaml path", format: "yaml", old: "a:\n  b: [1, 2]\n", new: "a:\n  b: [1, 3]\n",
      expected: ["changed $.a.b[1]: 2 → 3"]),
    Case(
      name: "rabbitmq key", format: "rabbitmq",
      old: "vm_memory_high_watermark.relative = 0.6\nlisteners.tcp.1 = 1.2.3.4:5672\n",
      new: "listeners.tcp.1 = 1.2.3.4:5672\nvm_memory_high_watermark.relative = 0.7\n",
      expected: ["changed vm_memory_high_watermark.relative: 0.6 → 0.7"]),
    Case(
      name: "erlang terms", format: "erlang-term",
      old: "[{rabbit, [{tcp_listen_options, [{backlog, 128}]}]}].\n",
      new: "[{rabbit, [{tcp_listen_options, [{backlog, 256}]}]}].\n",
      expected: ["changed rabbit.tcp_listen_options.backlog: 128 → 256"]),
    Case(
      name: "fluentd directive", format: "fluentd",
      old:
        "<match kolla.**>\n  @type monasca\n  <buffer>\n    flush_interval 5s\n  </buffer>\n</match>\n",
      new:
        "<match kolla.**>\n  @type monasca\n  <buffer>\n    flush_interval 10s\n  </buffer>\n</match>\n",
      expected: ["changed <match kolla.**> <buffer> flush_interval: 5s → 10s"]),
    Case(
      name: "hosts by name", format: "hosts",
      old: "10.0.0.1 ctl01\n10.0.0.2 ctl02\n", new: "10.0.0.2 ctl02\n10.0.0.9 ctl01\n",
      expected: ["changed ctl01: 10.0.0.1 → 10.0.0.9"]),
  ]

  @Test(arguments: semanticCases)
  func semanticChanges(_ example: Case) {
    let comparison = SemanticDiff.compare(
      old: Array(example.old.utf8), new: Array(example.new.utf8), format: example.format,
      file: "f")
    #expect(comparison.outcome == .semantic)
    let described = comparison.changes.map { change in
      "\(change.kind.rawValue) \(change.path): "
        + [change.old, change.new].compactMap { $0 }.joined(separator: " → ")
    }
    #expect(described == example.expected)
  }

  static let cosmeticCases: [(String, String, String, CosmeticChange)] = [
    ("ini", "[a]\nx=1\ny=2\n", "[a]\nx = 1\n\n# note\ny = 2\n", .formatting),
    ("ini", "[a]\nx = 1\n[b]\ny = 2\n", "[b]\ny = 2\n[a]\nx = 1\n", .ordering),
    ("json", #"{"a":1,"b":2}"#, "{\n  \"b\": 2,\n  \"a\": 1\n}\n", .ordering),
    ("yaml", "a: 1\n", "a:   1   # same\n", .formatting),
    ("rabbitmq", "a = 1\n", "a=1\n\n", .formatting),
  ]

  @Test(arguments: cosmeticCases)
  func formattingOnlyChangesAreReportedAsSuch(
    _ format: String, _ old: String, _ new: String, _ kind: CosmeticChange
  ) {
    let comparison = SemanticDiff.compare(
      old: Array(old.utf8), new: Array(new.utf8), format: format, file: "f")
    #expect(comparison.outcome == .cosmetic)
    #expect(comparison.cosmetic == kind)
  }

  @Test func firmwareLogicalDisksMatchByVolumeName() {
    let old = #"""
      {"logical_disks": [{"volume_name": "root", "size_gb": 100, "raid_level": "1"},
                         {"volume_name": "data", "size_gb": "MAX", "raid_level": "5"}]}
      """#
    let new = #"""
      {"logical_disks": [{"volume_name": "data", "size_gb": "MAX", "raid_level": "6"},
                         {"volume_name": "root", "size_gb": 100, "raid_level": "1"}]}
      """#
    let comparison = SemanticDiff.compare(
      old: Array(old.utf8), new: Array(new.utf8), format: "json", file: "firmware/raid.json",
      arrays: .firmware)
    #expect(
      comparison.changes == [
        SemanticChange(
          kind: .changed, path: "$.logical_disks[volume_name=data].raid_level", old: #""5""#,
          new: #""6""#)
      ])
  }

  @Test func biosAttributesByName() {
    let old = #"{"Attributes": {"BootMode": "Uefi", "ProcTurboMode": "Enabled"}}"#
    let new = #"{"Attributes": {"BootMode": "Uefi", "ProcTurboMode": "Disabled"}}"#
    let comparison = SemanticDiff.compare(
      old: Array(old.utf8), new: Array(new.utf8), format: "json", file: "firmware/bios.json",
      arrays: .firmware)
    #expect(comparison.changes.map(\.path) == ["$.Attributes.ProcTurboMode"])
  }

  @Test func textIsAUnifiedDiffWithContext() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    let comparison = SemanticDiff.compare(
      old: Array(old.utf8), new: Array(new.utf8), format: "text", file: "f")
    #expect(comparison.outcome == .lines)
    #expect(comparison.hunks.map(\.header) == ["@@ -2,7 +2,7 @@"])
    let rendered = comparison.hunks[0].lines.map { line in
      (line.kind == .context ? " " : line.kind == .removed ? "-" : "+") + line.text
    }
    #expect(
      rendered == [
        " line 2", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7",
        " line 8",
      ])
  }

  @Test func binaryContentsAreNotParsed() {
    let comparison = SemanticDiff.compare(
      old: [0xFF, 0x00, 0x01], new: [0xFF, 0x00, 0x02], format: "text", file: "f")
    #expect(comparison.outcome == .binary)
  }

  @Test func aSideThatDoesNotParseFallsBackToLinesWithANote() {
    let comparison = SemanticDiff.compare(
      old: Array(#"{"a": 1}"#.utf8), new: Array(#"{"a": "#.utf8), format: "json", file: "f.json")
    #expect(comparison.outcome == .lines)
    #expect(comparison.note?.contains("new version does not parse") == true)
  }

  @Test func identicalBytesAreIdentical() {
    let bytes = Array("[a]\nx = 1\n".utf8)
    #expect(SemanticDiff.compare(old: bytes, new: bytes, format: "ini", file: "f") == .identical)
  }
}
