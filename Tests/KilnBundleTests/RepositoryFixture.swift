import Foundation
import KilnTestSupport
import Testing

/// A copy of the project's example configuration repository, committed with fixed dates.
enum RepositoryFixture {
  /// The fixed author, committer and date of fixture commits.
  static let gitEnvironment = FixtureGit.environment

  /// A new directory holding `repo/` (the example repository, one commit) and nothing else.
  static func make() throws -> (root: String, repository: String) {
    let root = try TemporaryDirectory.make("bundle")
    let repository = root.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
    try ExampleRepositoryCopy.copy(
      into: repository, entries: ["kiln.yaml", "environments", "templates", "overlays"])
    try ExampleRepositoryCopy.commitAll(in: repository, message: "example")
    return (root.path, repository.path)
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
