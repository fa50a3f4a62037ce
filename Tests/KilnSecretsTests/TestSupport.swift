import Foundation
import KilnTestSupport

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

  /// The path of a fixture under `Tests/Fixtures/secrets/`.
  static func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/Fixtures/secrets/\(name)").path
  }

  /// Runs `executable` with `arguments`, feeding `input`; returns exit status, stdout, stderr.
  static func run(_ executable: String, _ arguments: [String], input: [UInt8] = []) throws -> (
    status: Int32, stdout: [UInt8], stderr: [UInt8]
  ) {
    let outcome = try TestProcess.run(executable, arguments, input: Data(input))
    return (outcome.status, Array(outcome.stdout), Array(outcome.stderr))
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
}
