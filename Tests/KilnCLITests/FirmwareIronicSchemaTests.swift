import Foundation
import KilnTestSupport
import Testing

/// Every example host's `firmware/raid.json` is valid against Ironic's own
/// `raid_config_schema.json`, taken from the `ironic` wheel on PyPI at test time
/// (`Tests/Fixtures/firmware/ironic_raid_schema.py`; needs pip, network and `jsonschema`).
@Suite(.serialized) struct FirmwareIronicSchemaTests {
  static let script = packageRoot.appendingPathComponent(
    "Tests/Fixtures/firmware/ironic_raid_schema.py")

  /// Runs the reference on `paths` in `directory`; throws `ShellError` when one is invalid.
  func validate(_ paths: [String], in directory: URL) throws -> String {
    try shell(
      (["python3", Self.script.path] + paths).map { "'\($0)'" }.joined(separator: " "),
      in: directory)
  }

  @Test(arguments: ["prod", "staging"])
  func everyExampleRaidDocumentIsValidForIronic(_ environment: String) throws {
    let output = try TemporaryDirectory.make("ironic-\(environment)")
    defer { try? FileManager.default.removeItem(at: output) }
    let render = try KilnProcess.run(
      [
        "render", "--env", environment, "-C", packageRoot.path, "--out", "out",
        "--service", "firmware",
      ], in: output)
    #expect(render.exitCode == 0, "\(render.stderr)")
    let documents = files(under: output.appendingPathComponent("out")).keys
      .filter { $0.hasSuffix("/firmware/raid.json") }.sorted()
    #expect(documents.count >= 4)
    let text = try validate(documents.map { "out/" + $0 }, in: output)
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count == documents.count)
  }

  /// The reference is not a rubber stamp: a document Kiln would refuse, it refuses too.
  @Test func ironicsSchemaRejectsABrokenDocument() throws {
    let directory = try TemporaryDirectory.make("ironic-bad")
    defer { try? FileManager.default.removeItem(at: directory) }
    try writeFiles(
      ["bad.json": #"{"logical_disks": [{"raid_level": "10", "size_gb": -1, "controller": 1}]}"#],
      under: directory)
    do {
      let text = try validate(["bad.json"], in: directory)
      Issue.record("Ironic's schema accepted bad.json: \(text)")
    } catch let error as ShellError {
      #expect(error.output.contains("invalid bad.json"), "\(error)")
    }
  }
}
