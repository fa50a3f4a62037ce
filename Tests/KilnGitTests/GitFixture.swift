import Foundation
import KilnTestSupport

/// A scratch git repository built with the git CLI inside a temporary directory, removed when
/// the value is released. Dates, names and configuration are fixed so ids are reproducible.
final class GitFixture: @unchecked Sendable {
  /// The temporary directory holding the repository (and any clones).
  let base: String
  /// The repository's working tree.
  let root: String

  struct CommandFailed: Error, CustomStringConvertible {
    var description: String
  }

  /// An empty repository on branch `main`.
  init() throws {
    base = try TemporaryDirectory.make("git").resolvingSymlinksInPath().path
    root = base + "/repo"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try git("init", "-q", "-b", "main")
  }

  deinit {
    try? FileManager.default.removeItem(atPath: base)
  }

  /// Runs git with `arguments` in `directory` (the working tree by default); returns stdout
  /// without the final newline.
  @discardableResult
  func git(_ arguments: String..., in directory: String? = nil, date: Int = 1_700_000_000)
    throws -> String
  {
    let outcome = try TestProcess.run(
      "/usr/bin/git", arguments, in: directory ?? root,
      environment: [
        "HOME": base, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "Kiln Test",
        "GIT_AUTHOR_EMAIL": "test@kiln.invalid", "GIT_COMMITTER_NAME": "Kiln Test",
        "GIT_COMMITTER_EMAIL": "test@kiln.invalid", "GIT_AUTHOR_DATE": "@\(date) +0000",
        "GIT_COMMITTER_DATE": "@\(date) +0000",
      ], inheritEnvironment: false)
    guard outcome.status == 0 else {
      throw CommandFailed(
        description: "git \(arguments.joined(separator: " ")): \(outcome.errorOutput)")
    }
    var text = outcome.output
    if text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// Writes `content` to `path` (relative to the working tree), creating directories.
  func write(_ path: String, _ content: String, executable: Bool = false) throws {
    let url = URL(fileURLWithPath: root + "/" + path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(content.utf8).write(to: url)
    if executable {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }
  }

  /// Creates a symbolic link at `path` pointing to `target`.
  func link(_ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: root + "/" + path, withDestinationPath: target)
  }

  /// Removes `path` from the working tree.
  func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: root + "/" + path)
  }

  /// Stages everything and commits with `message` at `date` (seconds since the epoch).
  func commitAll(_ message: String, date: Int) throws {
    try git("add", "-A")
    try git("commit", "-q", "-m", message, date: date)
  }

  /// Three commits on `main`, a lightweight tag `v1` (first commit), an annotated tag `v2` and
  /// a branch `feature` (second commit), then an uncommitted edit of `env/base/vars.yaml`.
  static func history() throws -> GitFixture {
    let fixture = try GitFixture()
    try fixture.write("kiln.yaml", "name: one\n")
    try fixture.write("env/base/vars.yaml", "x: 1\n")
    try fixture.write("bin/run.sh", "#!/bin/sh\necho run\n", executable: true)
    try fixture.link("kiln-link.yaml", to: "kiln.yaml")
    try fixture.link("env-link", to: "env")
    try fixture.commitAll("First commit\n\nWith a body.", date: 1_700_000_000)
    try fixture.git("tag", "v1")
    try fixture.write("env/base/vars.yaml", "x: 2\n")
    try fixture.write("env/prod/vars.yaml", "y: 2\n")
    try fixture.commitAll("Second commit", date: 1_700_000_100)
    try fixture.git("tag", "-a", "v2", "-m", "Release two", date: 1_700_000_150)
    try fixture.git("branch", "feature")
    try fixture.write("kiln.yaml", "name: three\n")
    try fixture.commitAll("Third commit", date: 1_700_000_200)
    try fixture.write("env/base/vars.yaml", "x: working\n")
    return fixture
  }
}
