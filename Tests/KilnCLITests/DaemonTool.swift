import Foundation
import KilnTestSupport

/// What a daemon's command-line tool did: exit status and its interleaved stdout and stderr.
struct ToolRun {
  var exitCode: Int32
  var output: String
  var timedOut: Bool
  var seconds: Double
}

/// A daemon tool that is not installed; the message says how to install it.
struct MissingDaemonError: Error, CustomStringConvertible {
  var tool: String
  var package: String
  var description: String {
    "\(tool) is not installed: run `scripts/install-test-daemons` "
      + "(or `sudo apt-get install -y --no-install-recommends \(package)`)"
  }
}

/// Finds and runs the daemons' own command-line tools with deadlines.
enum DaemonTool {
  /// The absolute path of `name`, searched in `PATH` and the sbin directories; throws
  /// `MissingDaemonError` naming the Debian `package` when it is absent.
  static func locate(_ name: String, package: String) throws -> String {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories =
      path.split(separator: ":").map(String.init) + [
        "/usr/sbin", "/sbin", "/usr/bin", "/bin",
      ]
    for directory in directories {
      let candidate = directory + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    throw MissingDaemonError(tool: name, package: package)
  }

  /// `command` prefixed so that it runs as root: as is when the tests run as root, else
  /// through `sudo -n` (RabbitMQ's wrappers only run as root or `rabbitmq`).
  static func asRoot(_ command: [String]) -> [String] {
    geteuid() == 0 ? command : ["sudo", "-n"] + command
  }

  /// Runs `command` (first element is the executable path), killing it after `timeout`
  /// seconds. Output goes to a file so that daemons forked by the tool cannot hold a pipe open.
  static func run(_ command: [String], timeout: Double = 60) throws -> ToolRun {
    let started = Date()
    let log = try TemporaryDirectory.make("tool").appendingPathComponent("output")
    defer { try? FileManager.default.removeItem(at: log.deletingLastPathComponent()) }
    let process = try launch(command, output: log)
    let timedOut = !waitForExit(process, timeout: timeout)
    if timedOut {
      // SIGKILL by pid: the test runner's children may inherit a mask that holds SIGTERM.
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    let output = (try? readText(log)) ?? ""
    return ToolRun(
      exitCode: process.terminationStatus, output: output, timedOut: timedOut,
      seconds: Date().timeIntervalSince(started))
  }

  /// Starts `command` in the background with stdout and stderr appended to `output`.
  static func launch(_ command: [String], output: URL) throws -> Process {
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    let handle = try FileHandle(forWritingTo: output)
    let process = Process()
    process.executableURL = URL(
      fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
    process.arguments = command[0].hasPrefix("/") ? Array(command.dropFirst()) : command
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    try handle.close()
    return process
  }

  /// Waits up to `timeout` seconds for `process` to exit; true when it did.
  static func waitForExit(_ process: Process, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    return !process.isRunning
  }
}
