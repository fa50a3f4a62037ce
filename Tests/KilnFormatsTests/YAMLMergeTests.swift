import KilnDiagnostics
import KilnFormats
import Testing

/// kolla-ansible `merge_yaml` semantics; every case was checked against kolla 22.2.0's
/// `Utils.update_nested_conf` (which writes the same values, with PyYAML's list indentation).
@Suite struct YAMLMergeTests {
  static func merge(_ sources: [String], extendLists: Bool = false) throws(DiagnosticsError)
    -> String
  {
    let inputs = sources.enumerated().map {
      (file: "s\($0.offset).yml", bytes: Array($0.element.utf8))
    }
    return String(decoding: try YAMLMerge.merge(inputs, extendLists: extendLists), as: UTF8.self)
  }

  /// Sources and the merged text (keys sorted, as PyYAML's `yaml.dump` writes them).
  static let cases: [([String], Bool, String)] = [
    (
      ["a: {b: 1, c: 2}\nl: [1, 2]\n", "a: {c: 3, d: 4}\nl: [3]\n"], false,
      "a:\n  b: 1\n  c: 3\n  d: 4\nl:\n  - 3\n"
    ),
    (["l: [1, 2]\n", "l: [3]\n"], true, "l:\n  - 1\n  - 2\n  - 3\n"),
    (["z: 1\nb: 2\n", "a: 3\n"], false, "a: 3\nb: 2\nz: 1\n"),
    (["a: {b: 1}\n", "a: 5\n"], false, "a: 5\n"),
    (["", "a: 1\n"], false, "a: 1\n"),
    (["a: 1\n", "~\n"], false, "a: 1\n"),
    (["a: {x: 1}\n", "a: {}\n"], false, "a:\n  x: 1\n"),
    (["a: 1\n", "b: {}\n"], false, "a: 1\nb: {}\n"),
    (
      ["p: {q: {r: [1]}}\n", "p: {q: {r: [2], s: x}}\n", "p: {t: true}\n"], true,
      "p:\n  q:\n    r:\n      - 1\n      - 2\n    s: x\n  t: true\n"
    ),
    (["l: x\n", "l: [1]\n"], true, "l:\n  - 1\n"),
  ]

  @Test(arguments: cases.indices)
  func mergesAsKollaDoes(_ index: Int) throws {
    let (sources, extend, expected) = Self.cases[index]
    #expect(try Self.merge(sources, extendLists: extend) == expected)
  }

  /// Sources kolla rejects, the diagnostic ID and location.
  static let failures: [([String], Bool, String, String)] = [
    (["l: [1]\n", "l: 2\n"], true, "KLN313", "s1.yml:1:4"),
    (["a: 1\n", "a: {b: 2}\n"], false, "KLN313", "s1.yml:1:4"),
    (["- 1\n"], false, "KLN313", "s0.yml:1:1"),
    (["a: [1]\n", "a: {k: v}\n"], false, "KLN313", "s1.yml:1:4"),
    (["a: [1\n"], false, "KLN101", "s0.yml:2:1"),
  ]

  @Test(arguments: failures.indices)
  func rejectsWhatKollaRejects(_ index: Int) {
    let (sources, extend, id, location) = Self.failures[index]
    do {
      _ = try Self.merge(sources, extendLists: extend)
      Issue.record("merge should fail")
    } catch {
      #expect(error.diagnostics.first?.id.rawValue == id)
      #expect(error.diagnostics.first?.location?.description == location)
    }
  }

  @Test func overlayMergeUsesYAMLKind() throws {
    let merged = try OverlayMerge.merge(
      kind: .yaml, base: MergeSource(file: "b.yml", bytes: Array("l: [1]\n".utf8)),
      patches: [MergeSource(file: "p.yml", bytes: Array("l: [2]\n".utf8))],
      options: MergeOptions(extendLists: true))
    #expect(String(decoding: merged, as: UTF8.self) == "l:\n  - 1\n  - 2\n")
  }
}
