import Foundation

/// Runs a peer tool or the built `kiln` from tests and captures what it prints, reading
/// standard output and standard error together so that neither pipe can fill and stall it.
public enum TestProcess {
  /// What a finished process returned.
  public struct Outcome: Sendable {
    /// The exit status.
    public var status: Int32
    /// Standard output (with standard error too when the run combined them).
    public var stdout: Data
    /// Standard error (empty when the run combined it into standard output).
    public var stderr: Data

    /// Standard output as UTF-8 text.
    public var output: String { String(decoding: stdout, as: UTF8.self) }
    /// Standard error as UTF-8 text.
    public var errorOutput: String { String(decoding: stderr, as: UTF8.self) }
  }

  /// A process that exited with a non-zero status.
  public struct Failure: Error, CustomStringConvertible {
    /// The command line that failed.
    public var command: String
    /// What it printed (standard output, then standard error).
    public var output: String
    /// The command and its output.
    public var description: String { "`\(command)` failed:\n\(output)" }

    /// A failure of `command`, which printed `output`.
    public init(command: String, output: String) {
      self.command = command
      self.output = output
    }
  }

  /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` in `directory`,
  /// feeding it `input`. `environment` is laid over this process's own, or replaces it when
  /// `inheritEnvironment` is false; `combineErrors` sends standard error to standard output.
  public static func run(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment: [String: String] = [:], inheritEnvironment: Bool = true,
    input: Data = Data(), combineErrors: Bool = false
  ) throws -> Outcome {
    let process = Process()
    if executable.contains("/") {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [executable] + arguments
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.environment =
      inheritEnvironment
      ? ProcessInfo.processInfo.environment.merging(environment) { $1 } : environment
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = combineErrors ? stdout : stderr
    try process.run()
    let errors = BackgroundRead(combineErrors ? nil : stderr.fileHandleForReading)
    let writer = Thread {
      stdin.fileHandleForWriting.write(input)
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, stdout: output, stderr: errors.wait())
  }

  /// Runs like `run`, combining standard error into the output, and throws `Failure` unless
  /// the process exits with status 0; returns the output text.
  @discardableResult
  public static func check(
    _ executable: String, _ arguments: [String], in directory: String? = nil,
    environment: [String: String] = [:]
  ) throws -> String {
    let outcome = try run(
      executable, arguments, in: directory, environment: environment, combineErrors: true)
    return try succeeded(outcome, ([executable] + arguments).joined(separator: " "))
  }

  /// Runs a `/bin/sh` command line like `check`; a failure names the command line.
  @discardableResult
  public static func shell(
    _ command: String, in directory: String? = nil, environment: [String: String] = [:]
  ) throws -> String {
    let outcome = try run(
      "/bin/sh", ["-c", command], in: directory, environment: environment, combineErrors: true)
    return try succeeded(outcome, command)
  }

  private static func succeeded(_ outcome: Outcome, _ command: String) throws -> String {
    guard outcome.status == 0 else { throw Failure(command: command, output: outcome.output) }
    return outcome.output
  }
}

/// Reads a file handle to its end on a thread of its own.
private final class BackgroundRead: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var data = Data()

  init(_ handle: FileHandle?) {
    guard let handle else {
      done.signal()
      return
    }
    Thread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }.start()
  }

  /// Everything read, once the handle reached its end.
  func wait() -> Data {
    done.wait()
    return data
  }
}
