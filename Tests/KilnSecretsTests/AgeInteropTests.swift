import Foundation
import KilnTestSupport
import Testing

@testable import KilnSecrets

/// Interoperability with the `age` command line tool (Debian package `age`): files Kiln writes
/// open with `age -d`, files `age -r`/`age -p` write open with Kiln. Skipped where `age` is
/// missing, except in CI (`CI` set), where its absence fails.
@Suite(.serialized) struct AgeInteropTests {
  static let age = TestSupport.which("age")
  static let plaintext =
    Array("rabbitmq erlang cookie: 0123456789\n".utf8)
    + (0..<70_000).map { UInt8(truncatingIfNeeded: $0) }

  static func requireAge() throws -> String? {
    if let age { return age }
    if TestSupport.peersRequired {
      Issue.record("the age tool is not installed (apt-get install age)")
    }
    return nil
  }

  @Test(arguments: [false, true])
  func kilnEncryptsAgeDecrypts(armor: Bool) throws {
    guard let age = try Self.requireAge() else { return }
    let directory = try TemporaryDirectory.make("secrets")
    defer { try? FileManager.default.removeItem(at: directory) }
    let identity = AgeIdentity.generate()
    let identityPath = directory.appendingPathComponent("key.txt").path
    try identity.fileContents.write(toFile: identityPath, atomically: true, encoding: .utf8)
    let file = try Age.encrypt(Self.plaintext, to: [identity.recipient], armor: armor)
    let result = try TestSupport.run(age, ["-d", "-i", identityPath], input: file)
    #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
    #expect(result.stdout == Self.plaintext)
  }

  @Test(arguments: [false, true])
  func ageEncryptsKilnDecrypts(armor: Bool) throws {
    guard let age = try Self.requireAge() else { return }
    let identity = AgeIdentity.generate()
    let other = AgeIdentity.generate()
    let arguments =
      ["-r", other.recipient.encoded, "-r", identity.recipient.encoded] + (armor ? ["-a"] : [])
    let result = try TestSupport.run(age, arguments, input: Self.plaintext)
    #expect(result.status == 0)
    #expect(AgeArmor.isArmored(result.stdout) == armor)
    #expect(try Age.decrypt(result.stdout, identities: [identity]) == Self.plaintext)
  }

  @Test func ageKeygenIdentityFileOpensInKiln() throws {
    guard let age = try Self.requireAge(), let keygen = TestSupport.which("age-keygen") else {
      return
    }
    let generated = try TestSupport.run(keygen, [])
    #expect(generated.status == 0)
    let identities = try AgeIdentity.parseFile(String(decoding: generated.stdout, as: UTF8.self))
    #expect(identities.count == 1)
    let result = try TestSupport.run(age, ["-r", identities[0].recipient.encoded], input: [42])
    #expect(try Age.decrypt(result.stdout, identities: identities) == [42])
  }

  /// `age -p` through a pseudo-terminal (see Tests/Fixtures/secrets/age_with_passphrase.py):
  /// age's own work factor 2^18, decrypted by Kiln.
  @Test func agePassphraseFileOpensInKiln() throws {
    guard try Self.requireAge() != nil else { return }
    let directory = try TemporaryDirectory.make("secrets")
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("plain").path
    let output = directory.appendingPathComponent("plain.age").path
    try Data(Self.plaintext).write(to: URL(fileURLWithPath: input))
    let status = try Self.withPassphrase(
      "kiln break glass", ["age", "-p", "-a", "-o", output, input])
    #expect(status == 0)
    let file = Array(try Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(try Age.stanzaTypes(of: file) == ["scrypt"])
    #expect(try Age.decrypt(file, passphrase: "kiln break glass") == Self.plaintext)
  }

  @Test func kilnPassphraseFileOpensInAge() throws {
    guard try Self.requireAge() != nil else { return }
    let directory = try TemporaryDirectory.make("secrets")
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("plain.age").path
    let output = directory.appendingPathComponent("plain").path
    let file = try Age.encrypt(
      Self.plaintext, passphrase: "kiln break glass", workFactor: 12, armor: false)
    try Data(file).write(to: URL(fileURLWithPath: input))
    let status = try Self.withPassphrase("kiln break glass", ["age", "-d", "-o", output, input])
    #expect(status == 0)
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: output))) == Self.plaintext)
  }

  static func withPassphrase(_ passphrase: String, _ command: [String]) throws -> Int32 {
    try TestProcess.run(
      TestSupport.which("python3") ?? "/usr/bin/python3",
      [TestSupport.fixture("age_with_passphrase.py")] + command,
      environment: ["AGE_TEST_PASSPHRASE": passphrase]
    ).status
  }
}
