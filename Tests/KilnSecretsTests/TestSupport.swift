import Foundation

/// Helpers shared by the KilnSecrets tests.
enum TestSupport {
  /// Bytes of a lower- or upper-case hex string.
  static func bytes(hex: String) -> [UInt8] {
    var out: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return out
  }

  /// Lower-case hex of `bytes`.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
  }

  /// The repository root (three levels above this file).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The path of a fixture under `Tests/Fixtures/secrets/`.
  static func fixture(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("Tests/Fixtures/secrets/\(name)").path
  }

  /// Runs `executable` with `arguments`, feeding `input`; returns exit status, stdout, stderr.
  static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> (
    status: Int32, stdout: [UInt8], stderr: [UInt8]
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let writer = Thread {
      stdin.fileHandleForWriting.write(Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let errorData = Locked()
    let errorReader = Thread { errorData.set(stderr.fileHandleForReading.readDataToEndOfFile()) }
    errorReader.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return (process.terminationStatus, Array(output), Array(errorData.value))
  }

  /// Where an executable lives on PATH, or nil.
  static func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(
      separator: ":")
    {
      let path = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Whether a peer tool is required (CI) rather than optional (a developer machine).
  static var peersRequired: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("kiln-secrets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// A value set once from another thread.
final class Locked: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Data?
  func set(_ data: Data) { lock.withLock { stored = data } }
  var isSet: Bool { lock.withLock { stored != nil } }
  var value: Data { lock.withLock { stored ?? Data() } }
}
