import Crypto
import Foundation
import Testing

@testable import KilnSecrets

/// The C2SP CCTV age test vectors (`Tests/Fixtures/secrets/cctv-age`).
@Suite struct AgeTestVectorTests {
  struct Vector: Sendable, CustomStringConvertible {
    var name: String
    var fields: [(String, String)]
    var body: [UInt8]
    var description: String { name }

    func values(_ key: String) -> [String] { fields.filter { $0.0 == key }.map(\.1) }
    func value(_ key: String) -> String? { values(key).first }
  }

  static let directory = TestSupport.fixture("cctv-age")

  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
    .filter { $0 != "README.md" }.sorted()

  static func load(_ name: String) throws -> Vector {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)")))
    var fields: [(String, String)] = []
    var position = 0
    while let end = bytes[position...].firstIndex(of: 0x0a), end > position {
      let line = String(decoding: bytes[position..<end], as: UTF8.self)
      if let colon = line.range(of: ": ") {
        fields.append((String(line[..<colon.lowerBound]), String(line[colon.upperBound...])))
      }
      position = end + 1
    }
    var body = Array(bytes[(position + 1)...])
    if fields.contains(where: { $0 == ("compressed", "zlib") }) { body = try inflate(body) }
    return Vector(name: name, fields: fields, body: body)
  }

  /// zlib decompression through Python's zlib module (Foundation on Linux has none).
  static func inflate(_ bytes: [UInt8]) throws -> [UInt8] {
    let python = TestSupport.which("python3") ?? "/usr/bin/python3"
    let result = try TestSupport.run(
      python,
      [
        "-c", "import sys, zlib; sys.stdout.buffer.write(zlib.decompress(sys.stdin.buffer.read()))",
      ],
      input: bytes)
    return result.stdout
  }

  @Test func vectorsArePresent() {
    #expect(Self.names.count >= 100)
  }

  @Test(arguments: names)
  func vector(name: String) throws {
    let vector = try Self.load(name)
    let expect = vector.value("expect") ?? ""
    do {
      var file = vector.body
      if vector.value("armored") == "yes" { file = try AgeArmor.dearmor(file) }
      let plaintext: [UInt8]
      if let passphrase = vector.value("passphrase") {
        plaintext = try Age.decrypt(file, passphrase: passphrase)
      } else {
        let identities = try vector.values("identity").map { try AgeIdentity(parsing: $0) }
        plaintext = try Age.decrypt(file, identities: identities)
      }
      #expect(expect == "success", "decrypted, but the vector expects \(expect)")
      let digest = SHA256.hash(data: plaintext).map { String(format: "%02x", $0) }.joined()
      #expect(digest == vector.value("payload"))
    } catch let error as AgeError {
      let expected: [String: AgeError.Kind] = [
        "no match": .noMatch, "HMAC failure": .headerMAC, "header failure": .header,
        "payload failure": .payload, "armor failure": .armor,
      ]
      #expect(error.kind == expected[expect], "\(error.message)")
    }
  }
}
