/// The age file format (age-encryption.org/v1): encryption to X25519 recipients or a
/// passphrase, decryption of binary and ASCII-armored files.
public enum Age {
  /// The scrypt work factor (log2 N) the `age` command line uses by default.
  public static let defaultWorkFactor = 18
  /// The largest scrypt work factor decryption accepts by default (as `age`).
  public static let maxWorkFactor = 22

  /// Encrypts `plaintext` to every recipient, as a binary or ASCII-armored file.
  public static func encrypt(_ plaintext: [UInt8], to recipients: [AgeRecipient], armor: Bool)
    throws(AgeError) -> [UInt8]
  {
    guard !recipients.isEmpty else {
      throw AgeError(.invalidRequest, "no recipients to encrypt to")
    }
    let fileKey = AgeStanzaCrypto.randomBytes(AgeStanzaCrypto.fileKeySize)
    var stanzas: [AgeStanza] = []
    for recipient in recipients { stanzas.append(try AgeStanzaCrypto.wrap(fileKey, to: recipient)) }
    return assemble(stanzas: stanzas, fileKey: fileKey, plaintext: plaintext, armor: armor)
  }

  /// Encrypts `plaintext` with a passphrase (an `scrypt` stanza of work factor `2^workFactor`).
  public static func encrypt(
    _ plaintext: [UInt8], passphrase: String, workFactor: Int = defaultWorkFactor, armor: Bool
  ) throws(AgeError) -> [UInt8] {
    guard !passphrase.isEmpty else { throw AgeError(.invalidRequest, "the passphrase is empty") }
    guard (1...30).contains(workFactor) else {
      throw AgeError(.invalidRequest, "the scrypt work factor must be between 1 and 30")
    }
    let fileKey = AgeStanzaCrypto.randomBytes(AgeStanzaCrypto.fileKeySize)
    let stanza = AgeStanzaCrypto.wrap(fileKey, passphrase: Array(passphrase.utf8), logN: workFactor)
    return assemble(stanzas: [stanza], fileKey: fileKey, plaintext: plaintext, armor: armor)
  }

  /// Decrypts a binary or armored file with the first identity that opens one of its stanzas.
  public static func decrypt(_ file: [UInt8], identities: [AgeIdentity]) throws(AgeError)
    -> [UInt8]
  {
    let (binary, header, payloadStart) = try parse(file)
    guard !identities.isEmpty else { throw AgeError(.invalidRequest, "no identity given") }
    if header.stanzas.contains(where: { $0.type == "scrypt" }) {
      throw AgeError(.noMatch, "the file is passphrase-encrypted; an identity cannot open it")
    }
    var fileKey: [UInt8]?
    search: for identity in identities {
      for stanza in header.stanzas where stanza.type == "X25519" {
        if let key = try AgeStanzaCrypto.unwrap(stanza, with: identity) {
          fileKey = key
          break search
        }
      }
    }
    guard let fileKey else {
      throw AgeError(.noMatch, "no identity given matches any recipient of the file")
    }
    return try open(binary, header: header, payloadStart: payloadStart, fileKey: fileKey)
  }

  /// Decrypts a passphrase-encrypted binary or armored file.
  public static func decrypt(
    _ file: [UInt8], passphrase: String, maxWorkFactor: Int = maxWorkFactor
  ) throws(AgeError) -> [UInt8] {
    let (binary, header, payloadStart) = try parse(file)
    guard let stanza = header.stanzas.first(where: { $0.type == "scrypt" }) else {
      throw AgeError(.noMatch, "the file is not passphrase-encrypted")
    }
    guard
      let fileKey = try AgeStanzaCrypto.unwrap(
        stanza, passphrase: Array(passphrase.utf8), maxLogN: maxWorkFactor)
    else { throw AgeError(.noMatch, "the passphrase is wrong") }
    return try open(binary, header: header, payloadStart: payloadStart, fileKey: fileKey)
  }

  /// The recipient stanza types in a file's header (`X25519`, `scrypt`, …), in order.
  public static func stanzaTypes(of file: [UInt8]) throws(AgeError) -> [String] {
    try parse(file).header.stanzas.map(\.type)
  }

  private static func assemble(
    stanzas: [AgeStanza], fileKey: [UInt8], plaintext: [UInt8], armor: Bool
  ) -> [UInt8] {
    let header = AgeHeader(stanzas: stanzas, fileKey: fileKey)
    let nonce = AgeStanzaCrypto.randomBytes(AgePayload.nonceSize)
    let binary = header.encoded + AgePayload.seal(plaintext, fileKey: fileKey, nonce: nonce)
    return armor ? AgeArmor.armor(binary) : binary
  }

  private static func parse(_ file: [UInt8]) throws(AgeError) -> (
    binary: [UInt8], header: AgeHeader, payloadStart: Int
  ) {
    let binary = AgeArmor.isArmored(file) ? try AgeArmor.dearmor(file) : file
    let (header, payloadStart) = try AgeHeader.parse(binary)
    let scrypts = header.stanzas.filter { $0.type == "scrypt" }.count
    if scrypts > 0, header.stanzas.count > 1 {
      throw AgeError(.header, "an scrypt stanza must be the only stanza of an age header")
    }
    return (binary, header, payloadStart)
  }

  private static func open(
    _ binary: [UInt8], header: AgeHeader, payloadStart: Int, fileKey: [UInt8]
  ) throws(AgeError) -> [UInt8] {
    let expected = AgeHeader.mac(of: header.authenticated, fileKey: fileKey)
    guard constantTimeEqual(expected, header.mac) else {
      throw AgeError(.headerMAC, "the age header MAC does not verify: the header was changed")
    }
    return try AgePayload.open(binary, from: payloadStart, fileKey: fileKey)
  }

  private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
