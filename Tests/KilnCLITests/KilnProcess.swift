import Foundation
import KilnTestSupport

/// Runs the built `kiln` executable and captures what it prints.
struct KilnProcess {
  struct Result {
    var exitCode: Int32
    var stdout: String
    var stderr: String
  }

  /// The `kiln` binary beside the test bundle (or `KILN_BINARY`).
  static var binary: URL {
    if let path = ProcessInfo.processInfo.environment["KILN_BINARY"] {
      return URL(fileURLWithPath: path)
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = directory.appendingPathComponent("kiln")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/kiln")
  }

  /// Runs `kiln arguments…` in `directory` with `stdin` as standard input.
  static func run(_ arguments: [String], in directory: URL, stdin: String = "") throws -> Result {
    let outcome = try TestProcess.run(
      binary.path, arguments, in: directory.path, input: Data(stdin.utf8))
    return Result(exitCode: outcome.status, stdout: outcome.output, stderr: outcome.errorOutput)
  }
}

/// A shell command that failed: its command line and what it printed.
typealias ShellError = TestProcess.Failure

/// Runs a shell command (git, for fixture repositories, with the fixed fixture identity) and
/// throws `ShellError` if it fails.
@discardableResult
func shell(_ command: String, in directory: URL) throws -> String {
  try FixtureGit.shell(command, in: directory.path)
}

/// Writes `files` (path → text) under `root`.
func writeFiles(_ files: [String: String], under root: URL) throws {
  for (path, text) in files {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
}

/// Every regular file under `root` (paths relative to it) with its bytes.
func files(under root: URL) -> [String: Data] {
  var result: [String: Data] = [:]
  guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
  for case let path as String in enumerator {
    var isDirectory: ObjCBool = false
    let full = root.appendingPathComponent(path).path
    if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      result[path] = FileManager.default.contents(atPath: full)
    }
  }
  return result
}
