import Foundation
import Testing

@testable import KilnSecrets

@Suite struct ScryptTests {
  struct Vector: Sendable, CustomStringConvertible {
    var password: String
    var salt: String
    var logN: Int
    var r: Int
    var p: Int
    var expected: String
    var description: String { "N=2^\(logN) r=\(r) p=\(p)" }
  }

  /// RFC 7914 section 12 (the 2^20 vector is left out: it needs 1 GiB).
  static let vectors = [
    Vector(
      password: "", salt: "", logN: 4, r: 1, p: 1,
      expected:
        "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
    ),
    Vector(
      password: "password", salt: "NaCl", logN: 10, r: 8, p: 16,
      expected:
        "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
    ),
    Vector(
      password: "pleaseletmein", salt: "SodiumChloride", logN: 14, r: 8, p: 1,
      expected:
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"
    ),
  ]

  @Test(arguments: vectors)
  func rfc7914Vectors(vector: Vector) {
    let key = Scrypt.derive(
      password: Array(vector.password.utf8), salt: Array(vector.salt.utf8), logN: vector.logN,
      r: vector.r, p: vector.p, length: 64)
    #expect(TestSupport.hex(key) == vector.expected)
  }

  /// RFC 7914 section 11, one iteration.
  @Test func pbkdf2Vector() {
    let key = Scrypt.pbkdf2(password: Array("passwd".utf8), salt: Array("salt".utf8), length: 64)
    #expect(
      TestSupport.hex(key)
        == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    )
  }

  /// The work factor `age -p` uses; set KILN_SCRYPT_TIMING=1 to run and print its duration.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["KILN_SCRYPT_TIMING"] != nil))
  func workFactor18Timing() {
    let start = ContinuousClock.now
    let key = Scrypt.derive(password: Array("x".utf8), salt: Array("y".utf8), logN: 18)
    let elapsed = ContinuousClock.now - start
    print("scrypt N=2^18 r=8 p=1: \(elapsed)")
    #expect(key.count == 32)
  }
}
