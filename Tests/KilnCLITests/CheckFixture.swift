import Foundation
import KilnTestSupport

extension ExampleFixture {
  /// The example with the files of `Tests/Fixtures/check/<name>` laid over it (uncommitted:
  /// `kiln check` reads the working tree).
  static func check(_ name: String) throws -> ExampleFixture {
    let fixture = try ExampleFixture(label: "check-\(name)")
    let directory = packageRoot.appendingPathComponent("Tests/Fixtures/check/\(name)")
    for (path, data) in files(under: directory) {
      let target = fixture.root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: target)
    }
    return fixture
  }
}
