import Foundation
import KilnDiagnostics
import KilnFormats
import KilnYAML
import Testing

/// Kiln's YAML merge against kolla-ansible's own `merge_yaml` (`Utils.update_nested_conf` and
/// `yaml.dump`): the same tree, the same key order, the same failures. The text differs only
/// in style (PyYAML does not indent list items), so trees are compared, not bytes.
@Suite struct KollaYAMLDifferentialTests {
  /// Sources (YAML that reads the same under YAML 1.1 and 1.2) and `extend_lists`.
  static let cases: [([String], Bool)] = [
    (["a: {b: 1, c: 2}\nl: [1, 2]\n", "a: {c: 3, d: 4}\nl: [3]\n"], false),
    (["a: {b: 1, c: 2}\nl: [1, 2]\n", "a: {c: 3, d: 4}\nl: [3]\n"], true),
    (["z: 1\nb: 2\n", "a: 3\n"], false),
    (["a: {b: 1}\n", "a: 5\n"], false),
    (["", "a: 1\n"], false),
    (["a: 1\n", "~\n"], false),
    (["a: {x: 1}\n", "a: {}\n"], false),
    (["a: [1]\n", "a: {k: v}\n"], false),
    (["l: [1]\n", "l: 2\n"], true),
    (["a: 1\n", "a: {b: 2}\n"], false),
    (["- 1\n"], false),
    (["l: x\n", "l: [1]\n"], true),
    (["p: {q: {r: [1]}}\n", "p: {q: {r: [2], s: x}}\n", "p: {t: true}\n"], true),
    (["a: null\n", "a: {b: 1}\n"], false),
    (["a: {b: {c: {d: 1}}}\n", "a: {b: {c: {e: 2}}}\n", "a: {b: {f: 3}}\n"], false),
    (["x: 'quoted: yes'\ny: \"1.5\"\n", "y: 2.5\nz: [a, {b: c}]\n"], false),
    (
      [
        "global:\n  scrape_interval: 1m\nscrape_configs:\n  - job_name: node\n",
        "global:\n  scrape_interval: 30s\n  external_labels: {env: prod}\n",
      ], false
    ),
    (
      [
        "scrape_configs:\n  - job_name: node\n", "scrape_configs:\n  - job_name: haproxy\n",
      ], true
    ),
    (["a: {b: [1, 2]}\n", "a: {b: [3]}\n", "a: {b: [4]}\n"], true),
    (["\"Z\": 1\na: 2\n_: 3\n\"10\": 4\n", "B: 5\n"], false),
  ]

  @Test func kilnMatchesKollaMergeYAML() throws {
    let kolla = try KollaReference.run(
      Self.cases.map { sources, extend in
        [
          "kind": "yaml", "extend_lists": extend,
          "sources": sources.map { Data($0.utf8).base64EncodedString() },
        ]
      })
    try #require(kolla.count == Self.cases.count)
    for (index, (sources, extend)) in Self.cases.enumerated() {
      let inputs = sources.enumerated().map {
        (file: "s\($0.offset)", bytes: Array($0.element.utf8))
      }
      let kiln = try? YAMLMerge.merge(inputs, extendLists: extend)
      guard let expected = kolla[index], let kiln else {
        #expect((kiln == nil) == (kolla[index] == nil), "case \(index): only one side failed")
        continue
      }
      let kilnTree = try YAMLParser.parse(bytes: kiln, file: "kiln").root
      let kollaTree = try YAMLParser.parse(expected, file: "kolla").root
      #expect(kilnTree.hasSameValue(as: kollaTree), "case \(index)")
    }
  }
}
