import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a shell command in its own process group, streams its output line by line, appends it to
/// a log file and kills the whole group when it outlives its timeout.
public struct CommandRunner: Sendable {
  /// How a command ended.
  public struct Outcome: Sendable, Hashable {
    /// The exit status (128 + signal when killed by one).
    public var status: Int32
    /// Whether the runner killed it at its timeout.
    public var timedOut: Bool
    /// The last lines of output, for messages.
    public var tail: [String]

    /// Whether the command exited 0 in time.
    public var succeeded: Bool { status == 0 && !timedOut }
  }

  /// Extra environment variables for every command.
  public var environment: [String: String]
  /// The working directory.
  public var directory: String

  /// Creates a runner.
  public init(environment: [String: String] = [:], directory: String) {
    self.environment = environment
    self.directory = directory
  }

  /// Runs `/bin/sh -c command`; each output line goes to `line` and to `log` (appended).
  public func run(
    _ command: String, timeout: Double, log: String?, extraEnvironment: [String: String] = [:],
    line: (String) -> Void
  ) throws(ExecutorError) -> Outcome {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw .io("pipe", command) }
    let logDescriptor = log.map { open($0, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600) }
    defer { if let logDescriptor, logDescriptor >= 0 { close(logDescriptor) } }
    let pid: pid_t
    do {
      pid = try spawn(command, output: pipeEnds[1], readEnd: pipeEnds[0], extra: extraEnvironment)
    } catch {
      close(pipeEnds[0])
      close(pipeEnds[1])
      throw error
    }
    close(pipeEnds[1])
    defer { close(pipeEnds[0]) }
    let deadline = Date().addingTimeInterval(timeout)
    var buffer: [UInt8] = []
    var tail: [String] = []
    var timedOut = false
    func emit(_ bytes: ArraySlice<UInt8>) {
      let text = String(decoding: bytes, as: UTF8.self)
      line(text)
      tail = Array((tail + [text]).suffix(5))
    }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 {
        timedOut = true
        kill(-pid, SIGKILL)
        break
      }
      var poller = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(remaining, 0.5) * 1000) + 1)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { continue }
      let count = read(pipeEnds[0], &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      let bytes = chunk[0..<count]
      if let logDescriptor, logDescriptor >= 0 {
        _ = bytes.withUnsafeBytes { Glibc.write(logDescriptor, $0.baseAddress, $0.count) }
      }
      buffer += bytes
      while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        emit(buffer[..<newline])
        buffer.removeSubrange(...newline)
      }
    }
    if !buffer.isEmpty { emit(buffer[...]) }
    // The shell may be gone while a child it started still holds the group: end them all.
    kill(-pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Outcome(status: timedOut ? 124 : exit, timedOut: timedOut, tail: tail)
  }

  private func spawn(_ command: String, output: Int32, readEnd: Int32, extra: [String: String])
    throws(ExecutorError) -> pid_t
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    posix_spawn_file_actions_adddup2(&actions, output, 2)
    posix_spawn_file_actions_addclose(&actions, readEnd)
    posix_spawn_file_actions_addclose(&actions, output)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)
    var variables = ProcessInfo.processInfo.environment
    for (key, value) in environment { variables[key] = value }
    for (key, value) in extra { variables[key] = value }
    let words: [String] = ["/bin/sh", "-c", "cd \(Self.quote(directory)) && \(command)"]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
    let environmentList: [UnsafeMutablePointer<CChar>?] =
      variables.keys.sorted().map { strdup("\($0)=\(variables[$0] ?? "")") } + [nil]
    defer {
      for pointer in arguments + environmentList { free(pointer) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments, environmentList)
    guard result == 0 else {
      errno = result
      throw .io("spawn /bin/sh for", command)
    }
    return pid
  }

  /// `text` quoted for the shell: `'…'` with embedded quotes escaped.
  public static func quote(_ text: String) -> String {
    if !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || "-_./,:=@%+".contains($0) }) {
      return text
    }
    return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// `template` with each `{name}` replaced by the shell-quoted value.
  public static func expand(_ template: String, _ values: [(String, String)]) -> String {
    var result = template
    for (name, value) in values {
      result = result.replacingOccurrences(of: "{\(name)}", with: quote(value))
    }
    return result
  }
}
