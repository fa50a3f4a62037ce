import Foundation

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
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    let error = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = input
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      exitCode: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// Runs a shell command (git, for fixture repositories) and fails loudly if it fails.
@discardableResult
func shell(_ command: String, in directory: URL) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  process.currentDirectoryURL = directory
  var environment = ProcessInfo.processInfo.environment
  environment["GIT_AUTHOR_NAME"] = "Kiln Test"
  environment["GIT_AUTHOR_EMAIL"] = "test@example.org"
  environment["GIT_COMMITTER_NAME"] = "Kiln Test"
  environment["GIT_COMMITTER_EMAIL"] = "test@example.org"
  environment["GIT_AUTHOR_DATE"] = "2026-01-01T00:00:00Z"
  environment["GIT_COMMITTER_DATE"] = "2026-01-01T00:00:00Z"
  process.environment = environment
  let output = Pipe()
  process.standardOutput = output
  process.standardError = output
  try process.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  let text = String(decoding: data, as: UTF8.self)
  guard process.terminationStatus == 0 else {
    throw ShellError(command: command, output: text)
  }
  return text
}

struct ShellError: Error, CustomStringConvertible {
  var command: String
  var output: String
  var description: String { "`\(command)` failed:\n\(output)" }
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory(_ label: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kiln-\(label)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
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

/// The package root (where the example repository lives).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
