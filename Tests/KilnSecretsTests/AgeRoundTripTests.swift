import Testing

@testable import KilnSecrets

@Suite struct AgeRoundTripTests {
  static let sizes = [0, 1, 47, 48, 65_535, 65_536, 65_537, 2 * 65_536, 3 * 65_536 + 5]

  @Test(arguments: sizes, [false, true])
  func encryptThenDecrypt(size: Int, armor: Bool) throws {
    let identity = AgeIdentity.generate()
    let plaintext = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let file = try Age.encrypt(plaintext, to: [identity.recipient], armor: armor)
    #expect(try Age.decrypt(file, identities: [identity]) == plaintext)
    #expect(
      String(decoding: file.prefix(34), as: UTF8.self).hasPrefix(
        armor ? "-----BEGIN AGE ENCRYPTED FILE-----" : "age-encryption.org/v1\n-> X25519 "))
  }

  @Test func everyRecipientCanDecrypt() throws {
    let identities = (0..<3).map { _ in AgeIdentity.generate() }
    let file = try Age.encrypt(Array("cookie".utf8), to: identities.map(\.recipient), armor: false)
    #expect(try Age.stanzaTypes(of: file) == ["X25519", "X25519", "X25519"])
    for identity in identities {
      #expect(try Age.decrypt(file, identities: [identity]) == Array("cookie".utf8))
    }
  }

  @Test func wrongIdentityIsNoMatch() throws {
    let file = try Age.encrypt([1, 2, 3], to: [AgeIdentity.generate().recipient], armor: false)
    #expect {
      try Age.decrypt(file, identities: [AgeIdentity.generate()])
    } throws: { ($0 as? AgeError)?.kind == .noMatch }
  }

  @Test func noRecipientsIsAnError() {
    #expect(throws: AgeError.self) { try Age.encrypt([1], to: [], armor: false) }
  }

  @Test func everyFlippedPayloadByteIsDetected() throws {
    let identity = AgeIdentity.generate()
    let file = try Age.encrypt(
      Array(repeating: 7, count: 100), to: [identity.recipient], armor: false)
    let headerEnd =
      file.firstIndex(of: UInt8(ascii: "-")).map { _ in
        (file.indices.first { file[$0...].starts(with: Array("---".utf8)) } ?? 0)
      } ?? 0
    for position in stride(from: headerEnd, to: file.count, by: 7) {
      var tampered = file
      tampered[position] ^= 0x01
      #expect(throws: AgeError.self) { try Age.decrypt(tampered, identities: [identity]) }
    }
  }

  @Test func truncatedAndExtendedFilesAreRejected() throws {
    let identity = AgeIdentity.generate()
    let file = try Age.encrypt(
      Array(repeating: 9, count: 70_000), to: [identity.recipient], armor: false)
    for cut in [1, 16, 17, 4_000] {
      #expect(throws: AgeError.self) {
        try Age.decrypt(Array(file.dropLast(cut)), identities: [identity])
      }
    }
    #expect(throws: AgeError.self) { try Age.decrypt(file + [0], identities: [identity]) }
  }

  @Test func passphraseRoundTripWithSmallWorkFactor() throws {
    let file = try Age.encrypt(
      Array("break glass".utf8), passphrase: "correct horse", workFactor: 10, armor: true)
    #expect(try Age.stanzaTypes(of: file) == ["scrypt"])
    #expect(try Age.decrypt(file, passphrase: "correct horse") == Array("break glass".utf8))
    #expect {
      try Age.decrypt(file, passphrase: "wrong horse")
    } throws: { ($0 as? AgeError)?.kind == .noMatch }
    #expect {
      try Age.decrypt(file, passphrase: "correct horse", maxWorkFactor: 9)
    } throws: { ($0 as? AgeError)?.kind == .header }
  }

  @Test func identityCannotOpenPassphraseFile() throws {
    let file = try Age.encrypt([1], passphrase: "p", workFactor: 2, armor: false)
    #expect(throws: AgeError.self) { try Age.decrypt(file, identities: [AgeIdentity.generate()]) }
  }
}
