import Foundation
import Testing

/// Bad input to `kiln import`: a located error, exit 2, and nothing written to `--out`.
struct ImportBadInputTests {
  /// Writes `text` as a file in the fixture's directory and returns its path.
  static func write(_ text: String, named name: String, in fixture: ImportFixture) throws -> String
  {
    let url = fixture.directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  static let cases: [(label: String, option: String, text: String?, expected: String)] = [
    (
      "malformed INI", "--inventory", "[control]\nctl01\n[control:bogus]\n",
      "bad-input:3:1: error[KLN801]"
    ),
    ("bad host range", "--inventory", "[control]\nctl[01:3]\n", "bad-input:2:1: error[KLN803]"),
    ("YAML inventory error", "--inventory.yml", "all:\n  hosts: [a\n", "bad-input.yml:"),
    ("globals not YAML", "--globals", "a: [1,\n", "bad-input:"),
    ("globals a list", "--globals", "- a\n", "bad-input:1:1: error[KLN806]"),
    ("passwords malformed", "--passwords", "a: b: c\n", "bad-input:"),
    ("missing inventory", "--inventory", nil, "does-not-exist: error[KLN804]"),
    ("config dir is a file", "--config-dir", "", "bad-input: error[KLN804]"),
    (
      "no recipient", "--recipient", nil,
      "error[KLN805]: a passwords file needs at least one --recipient"
    ),
    ("bad recipient", "--recipient", "age1notakey", "error[KLN805]: --recipient"),
  ]

  @Test(arguments: cases.indices)
  func locatedErrorExit2NothingWritten(_ index: Int) throws {
    let bad = Self.cases[index]
    let fixture = try ImportFixture("import-bad")
    defer { fixture.remove() }
    var option = bad.option
    var value: String?
    switch option {
    case "--recipient":
      value = bad.text
    case "--inventory.yml":
      option = "--inventory"
      value = try Self.write(bad.text ?? "", named: "bad-input.yml", in: fixture)
    default:
      value =
        try bad.text.map { try Self.write($0, named: "bad-input", in: fixture) }
        ?? fixture.directory.appendingPathComponent("does-not-exist").path
    }
    let result = try fixture.importKolla([option: value])
    #expect(result.exitCode == 2, "\(bad.label): \(result.stdout)\(result.stderr)")
    #expect(result.stderr.contains(bad.expected), "\(bad.label): \(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: fixture.out.path), "\(bad.label) wrote --out")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
      .filter { $0.contains("kiln-import") }
    #expect(leftovers.isEmpty)
  }

  @Test func refusesANonEmptyOut() throws {
    let fixture = try ImportFixture("import-existing")
    defer { fixture.remove() }
    try writeFiles(["kiln.yaml": "kiln: 1\n"], under: fixture.out)
    let result = try fixture.importKolla()
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("error[KLN805]"))
    #expect(
      try String(contentsOf: fixture.out.appendingPathComponent("kiln.yaml"), encoding: .utf8)
        == "kiln: 1\n")
  }
}
