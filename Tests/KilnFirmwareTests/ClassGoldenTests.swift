import Foundation
import KilnGit
import Testing

@testable import KilnFirmware

/// The example repository's hardware classes, each rendered for a host that selects it and
/// overrides nothing, compared byte for byte with `Tests/Fixtures/firmware/golden/<class>/`.
/// `KILN_UPDATE_GOLDEN=1` rewrites the golden copies; review the diff before committing.
enum ClassGolden {
  static let classes = ["r650-compute", "r650-control", "r750-gpu"]
  static let folder = FirmwareFixture.folder.appendingPathComponent("golden")

  /// The example's `templates/firmware` with one environment holding one host per class.
  static func source() -> InMemorySourceTree {
    var tree: [String: [UInt8]] = [:]
    let firmware = FirmwareFixture.packageRoot.appendingPathComponent("templates/firmware")
    for (path, bytes) in FirmwareFixture.files(under: firmware) {
      tree["templates/firmware/\(path)"] = bytes
    }
    let hosts = classes.map { "        \($0): {firmware_profile: \($0)}\n" }.joined()
    tree["kiln.yaml"] = Array("kiln: 1\ndefault-env: golden\n".utf8)
    tree["environments/golden/env.yaml"] = Array("inherits: []\n".utf8)
    tree["environments/golden/inventory.yaml"] = Array(
      "all:\n  children:\n    servers:\n      hosts:\n\(hosts)".utf8)
    return InMemorySourceTree(files: tree)
  }
}

@Test(arguments: ClassGolden.classes)
func classRendersItsGoldenDocuments(_ name: String) throws {
  let source = ClassGolden.source()
  let environment = try FirmwareFixture.environment(source, name: "golden")
  let rendered = try FirmwareRenderer.files(for: environment, hosts: [name], source: source)
  let files = try #require(rendered.first { $0.host == name }).files
  #expect(files.map(\.path) == ["firmware/bios.json", "firmware/kayobe.yml", "firmware/raid.json"])
  let directory = ClassGolden.folder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["KILN_UPDATE_GOLDEN"] == "1" {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for file in files {
      let url = directory.appendingPathComponent(String(file.path.dropFirst("firmware/".count)))
      try Data(file.contents).write(to: url)
    }
    return
  }
  for file in files {
    let url = directory.appendingPathComponent(String(file.path.dropFirst("firmware/".count)))
    let golden = try #require(FileManager.default.contents(atPath: url.path), "\(url.path)")
    #expect(file.contents == Array(golden), "\(name)/\(file.path) differs from its golden copy")
  }
}

@Test func everyExampleClassIsCleanAgainstItsRegistry() throws {
  let source = ClassGolden.source()
  let environment = try FirmwareFixture.environment(source, name: "golden")
  let findings = FirmwareValidation.findings(for: environment)
  #expect(findings.isEmpty, "\(findings)")
  let catalog = FirmwareCatalog.load(from: source)
  for name in ClassGolden.classes {
    let profile = try #require(catalog.profile(named: name))
    #expect(catalog.registry(of: profile) != nil, "\(name) has no registry")
  }
}
