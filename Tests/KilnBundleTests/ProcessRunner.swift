import Foundation
import Testing

/// Runs the real peer tools (minisign, python3, git, kiln) from tests.
enum ProcessRunner {
  struct Outcome {
    var status: Int32
    var output: String
  }

  /// Runs `arguments` (looked up on PATH) in `directory`, returning status and combined output.
  static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
  )
    throws -> Outcome
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }

  /// Whether `tool` is on PATH; records a failure naming the install command when it is not.
  static func require(_ tool: String, install: String) -> Bool {
    let found = (try? run(["sh", "-c", "command -v \(tool)"]))?.status == 0
    if !found { Issue.record("\(tool) is missing: run `\(install)`") }
    return found
  }
}
