import Foundation
import KilnTestSupport

/// A throwaway copy of the example repository as its own git repository, for histories built
/// in the test (commit, change one value, commit).
struct ReviewFixture {
  let root: URL

  /// Copies the example (or writes `files` instead) and commits it.
  init(files: [String: String]? = nil) throws {
    root = try TemporaryDirectory.make("review")
    if let files {
      try write(files)
    } else {
      try ExampleRepositoryCopy.copy(
        into: root, entries: ["kiln.yaml", "environments", "templates", "overlays"])
    }
    try ExampleRepositoryCopy.commitAll(in: root)
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// Writes files (path → text) into the working tree.
  func write(_ files: [String: String]) throws {
    for (path, text) in files {
      try write(path, bytes: Array(text.utf8))
    }
  }

  /// Writes one file's bytes into the working tree.
  func write(_ path: String, bytes: [UInt8]) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// The working tree's text of `path`.
  func read(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }

  /// Replaces the first occurrence of `old` in `path` (failing if absent).
  func replace(_ old: String, with new: String, in path: String) throws {
    let text = try read(path)
    guard let range = text.range(of: old) else { throw FixtureError.missing(old, path) }
    try write([path: text.replacingCharacters(in: range, with: new)])
  }

  /// Commits everything with `message`.
  func commit(_ message: String) throws {
    try git("add -A && git commit -q -m '\(message)'")
  }

  /// Runs `git …` (a shell command line after `git`) in the fixture.
  @discardableResult
  func git(_ arguments: String) throws -> String {
    try FixtureGit.shell("git " + arguments, in: root.path)
  }

  enum FixtureError: Error {
    case missing(String, String)
  }
}
