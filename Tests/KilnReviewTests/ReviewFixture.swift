import Foundation

/// A throwaway copy of the example repository as its own git repository, for histories built
/// in the test (commit, change one value, commit).
struct ReviewFixture {
  let root: URL

  /// The package root, where the example repository lives.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Copies the example (or writes `files` instead) and commits it.
  init(files: [String: String]? = nil) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kiln-review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if let files {
      try write(files)
    } else {
      for entry in ["kiln.yaml", "environments", "templates", "overlays"] {
        try FileManager.default.copyItem(
          at: Self.packageRoot.appendingPathComponent(entry),
          to: root.appendingPathComponent(entry))
      }
    }
    try git("init -q -b main . && git add -A && git commit -q -m initial")
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

  /// Runs `git …` in the fixture.
  @discardableResult
  func git(_ arguments: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "git " + arguments]
    process.currentDirectoryURL = root
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in [
      ("GIT_AUTHOR_NAME", "Kiln Test"), ("GIT_AUTHOR_EMAIL", "test@example.org"),
      ("GIT_COMMITTER_NAME", "Kiln Test"), ("GIT_COMMITTER_EMAIL", "test@example.org"),
      ("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z"), ("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z"),
    ] {
      environment[key] = value
    }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else { throw FixtureError.git(arguments, text) }
    return text
  }

  enum FixtureError: Error {
    case missing(String, String)
    case git(String, String)
  }
}
