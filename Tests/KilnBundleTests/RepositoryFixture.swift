import Foundation
import Testing

/// A copy of the project's example configuration repository, committed with fixed dates.
enum RepositoryFixture {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  static let gitEnvironment = [
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    "GIT_AUTHOR_NAME": "Kiln Tests", "GIT_AUTHOR_EMAIL": "tests@kiln.invalid",
    "GIT_COMMITTER_NAME": "Kiln Tests", "GIT_COMMITTER_EMAIL": "tests@kiln.invalid",
  ]

  /// A new directory holding `repo/` (the example repository, one commit) and nothing else.
  static func make() throws -> (root: String, repository: String) {
    let root = try Fixtures.temporaryDirectory()
    let repository = root + "/repo"
    try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
    for item in ["kiln.yaml", "environments", "templates", "overlays"] {
      try FileManager.default.copyItem(
        atPath: packageRoot + "/" + item, toPath: repository + "/" + item)
    }
    for command in [
      ["git", "init", "-q", "-b", "main"], ["git", "add", "."],
      ["git", "commit", "-q", "-m", "example"],
    ] {
      let outcome = try ProcessRunner.run(command, in: repository, environment: gitEnvironment)
      try #require(outcome.status == 0, "\(command): \(outcome.output)")
    }
    return (root, repository)
  }

  /// The `kiln` executable built beside the test bundle.
  static func kilnExecutable() throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidates = [directory.appendingPathComponent("kiln").path]
    candidates.append(directory.deletingLastPathComponent().appendingPathComponent("kiln").path)
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      Issue.record(
        "the kiln executable is not built beside the tests: run `swift build --product kiln`")
      throw CancellationError()
    }
    return found
  }
}
