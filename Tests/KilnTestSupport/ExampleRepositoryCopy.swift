import Foundation

/// Scratch copies of the package's example configuration repository (its top level), for tests
/// that edit, commit or seal a real repository without touching the project.
public enum ExampleRepositoryCopy {
  /// The top-level entries that make up the example repository.
  public static let entries = ["kiln.yaml", "schema.yaml", "environments", "templates", "overlays"]

  /// Copies `entries` of the example into `directory`, which must exist.
  public static func copy(into directory: URL, entries: [String] = entries) throws {
    for entry in entries {
      try FileManager.default.copyItem(
        at: packageRoot.appendingPathComponent(entry),
        to: directory.appendingPathComponent(entry))
    }
  }

  /// Makes `directory` a git repository on `main` whose one commit, `message`, holds all its
  /// files (with the fixed fixture identity).
  public static func commitAll(in directory: URL, message: String = "initial") throws {
    try FixtureGit.run(["init", "-q", "-b", "main"], in: directory.path)
    try FixtureGit.run(["add", "-A"], in: directory.path)
    try FixtureGit.run(["commit", "-q", "-m", message], in: directory.path)
  }
}
