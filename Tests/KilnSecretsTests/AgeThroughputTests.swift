import Foundation
import Testing

@testable import KilnSecrets

/// Figures, not pass/fail: set KILN_AGE_TIMING=1 to print encrypt and decrypt throughput.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KILN_AGE_TIMING"] != nil))
struct AgeThroughputTests {
  @Test func encryptAndDecryptThroughput() throws {
    let size = 32 << 20
    let plaintext = [UInt8](repeating: 0x5a, count: size)
    let identity = AgeIdentity.generate()
    let clock = ContinuousClock()
    var file: [UInt8] = []
    let encrypt = try clock.measure {
      file = try Age.encrypt(plaintext, to: [identity.recipient], armor: false)
    }
    var opened: [UInt8] = []
    let decrypt = try clock.measure { opened = try Age.decrypt(file, identities: [identity]) }
    #expect(opened.count == size)
    print(
      "age 32 MiB: encrypt \(Self.rate(size, encrypt)) MB/s, decrypt \(Self.rate(size, decrypt)) MB/s"
    )
  }

  static func rate(_ bytes: Int, _ duration: Duration) -> Int {
    let seconds =
      Double(duration.components.seconds)
      + Double(duration.components.attoseconds) / 1e18
    return Int(Double(bytes) / 1e6 / seconds)
  }
}
