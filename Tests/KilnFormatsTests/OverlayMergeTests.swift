import KilnDiagnostics
import KilnFormats
import Testing

/// The merge entry point: kinds by name, options, and errors that name the fragment.
@Suite struct OverlayMergeTests {
  static let base = MergeSource(
    file: "mariadb/galera.cnf", bytes: Array("[mysqld]\nmax_connections = 100\nport = 3306\n".utf8))

  @Test func iniPatchReplacesKeyInPlace() throws {
    let patch = MergeSource(
      file: "overlays/galera-tuning/galera.cnf",
      bytes: Array("[mysqld]\nmax_connections = 8192\n[sst]\nprogress = 1\n".utf8))
    let merged = try OverlayMerge.merge(kind: "ini", base: Self.base, patches: [patch])
    #expect(
      String(decoding: merged, as: UTF8.self)
        == "[mysqld]\nmax_connections = 8192\nport = 3306\n\n[sst]\nprogress = 1\n\n")
    let compact = try OverlayMerge.merge(
      kind: .ini, base: Self.base, patches: [], options: MergeOptions(whitespace: false))
    #expect(
      String(decoding: compact, as: UTF8.self) == "[mysqld]\nmax_connections=100\nport=3306\n\n")
  }

  @Test(arguments: [
    ("ini", "[mysqld]\nmax_connections = 1\nskip-name-resolve\n", "overlays/o/frag:3:1", "KLN302"),
    ("json-merge", "{\"a\": }", "overlays/o/frag:1:7", "KLN303"),
    (
      "json-patch", "[{\"op\": \"test\", \"path\": \"/x\", \"value\": 1}]", "overlays/o/frag:1:2",
      "KLN311"
    ),
    ("yaml", "a: [\n", "overlays/o/frag:2:1", "KLN101"),
  ])
  func badFragmentNamesTheFragmentLine(kind: String, text: String, location: String, id: String) {
    let base =
      kind == "ini" ? Self.base : MergeSource(file: "base", bytes: Array("{\"a\": 1}".utf8))
    do {
      _ = try OverlayMerge.merge(
        kind: kind, base: base,
        patches: [MergeSource(file: "overlays/o/frag", bytes: Array(text.utf8))])
      Issue.record("merge should fail")
    } catch {
      #expect(error.diagnostics.first?.location?.description == location)
      #expect(error.diagnostics.first?.id.rawValue == id)
      #expect(error.diagnostics.first?.hint != nil)
    }
  }

  @Test func unknownKindIsAnError() {
    #expect(throws: DiagnosticsError.self) {
      try OverlayMerge.merge(kind: "toml-merge", base: Self.base, patches: [])
    }
  }
}
