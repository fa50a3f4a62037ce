import Foundation
import KilnTestSupport
import Testing

/// Runs the real peer tools (minisign, python3, git, kiln) from tests.
enum ProcessRunner {
  /// The exit status and the combined output (`status`, `output`).
  typealias Outcome = TestProcess.Outcome

  /// Runs `arguments` (the first looked up on PATH unless it is a path) in `directory`,
  /// returning status and combined output.
  static func run(
    _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
  ) throws -> Outcome {
    try TestProcess.run(
      arguments.first ?? "true", Array(arguments.dropFirst()), in: directory,
      environment: environment, combineErrors: true)
  }

  /// Whether `tool` is on PATH; records a failure naming the install command when it is not.
  static func require(_ tool: String, install: String) -> Bool {
    let found = (try? run(["sh", "-c", "command -v \(tool)"]))?.status == 0
    if !found { Issue.record("\(tool) is missing: run `\(install)`") }
    return found
  }
}
