import Crypto

/// Wrapping and unwrapping the file key in `X25519` and `scrypt` stanzas.
enum AgeStanzaCrypto {
  static let fileKeySize = 16
  static let x25519Label = Array("age-encryption.org/v1/X25519".utf8)
  static let scryptLabel = Array("age-encryption.org/v1/scrypt".utf8)

  /// An `X25519` stanza wrapping `fileKey` for `recipient`, with a fresh ephemeral key.
  static func wrap(_ fileKey: [UInt8], to recipient: AgeRecipient) throws(AgeError) -> AgeStanza {
    let ephemeral = Curve25519.KeyAgreement.PrivateKey()
    let share = Array(ephemeral.publicKey.rawRepresentation)
    guard let peer = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: recipient.publicKey),
      let secret = try? ephemeral.sharedSecretFromKeyAgreement(with: peer)
    else { throw AgeError(.invalidRequest, "recipient \(recipient.encoded) is not a usable key") }
    let shared = secret.withUnsafeBytes { Array($0) }
    guard !shared.allSatisfy({ $0 == 0 }) else {
      throw AgeError(.invalidRequest, "recipient \(recipient.encoded) is a low-order point")
    }
    let key = wrapKey(shared: shared, salt: share + recipient.publicKey)
    return AgeStanza(type: "X25519", arguments: [AgeBase64.encode(share)], body: seal(fileKey, key))
  }

  /// The file key from an `X25519` stanza if `identity` opens it; nil when it is addressed to
  /// someone else; a header error when the stanza is malformed.
  static func unwrap(_ stanza: AgeStanza, with identity: AgeIdentity) throws(AgeError) -> [UInt8]? {
    guard stanza.arguments.count == 1, let share = AgeBase64.decode(stanza.arguments[0].utf8),
      share.count == 32
    else { throw AgeError(.header, "an X25519 stanza in the age header is malformed") }
    guard stanza.body.count == fileKeySize + 16 else {
      throw AgeError(.header, "an X25519 stanza body has the wrong length")
    }
    guard let shared = identity.sharedSecret(with: share) else {
      throw AgeError(.header, "an X25519 stanza carries a low-order ephemeral share")
    }
    let key = wrapKey(shared: shared, salt: share + identity.recipient.publicKey)
    return open(stanza.body, key)
  }

  /// The single `scrypt` stanza for `passphrase` with work factor `2^logN`.
  static func wrap(_ fileKey: [UInt8], passphrase: [UInt8], logN: Int) -> AgeStanza {
    let salt = randomBytes(16)
    let key = Scrypt.derive(password: passphrase, salt: scryptLabel + salt, logN: logN)
    return AgeStanza(
      type: "scrypt", arguments: [AgeBase64.encode(salt), String(logN)],
      body: seal(fileKey, SymmetricKey(data: key)))
  }

  /// The file key from a `scrypt` stanza, or nil for a wrong passphrase.
  static func unwrap(_ stanza: AgeStanza, passphrase: [UInt8], maxLogN: Int) throws(AgeError)
    -> [UInt8]?
  {
    guard stanza.arguments.count == 2, let salt = AgeBase64.decode(stanza.arguments[0].utf8),
      salt.count == 16
    else { throw AgeError(.header, "an scrypt stanza in the age header is malformed") }
    let factor = stanza.arguments[1]
    guard let first = factor.utf8.first, (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(first),
      factor.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
      factor.utf8.count <= 2, let logN = Int(factor)
    else { throw AgeError(.header, "an scrypt stanza has a malformed work factor") }
    guard logN <= maxLogN else {
      throw AgeError(
        .header, "the scrypt work factor 2^\(logN) exceeds the limit 2^\(maxLogN)")
    }
    guard stanza.body.count == fileKeySize + 16 else {
      throw AgeError(.header, "an scrypt stanza body has the wrong length")
    }
    let key = Scrypt.derive(password: passphrase, salt: scryptLabel + salt, logN: logN)
    return open(stanza.body, SymmetricKey(data: key))
  }

  static func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  private static func wrapKey(shared: [UInt8], salt: [UInt8]) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(
      inputKeyMaterial: SymmetricKey(data: shared), salt: salt, info: x25519Label,
      outputByteCount: 32)
  }

  /// The fixed all-zero nonce of stanza bodies (each wrap key is used once).
  private static var zeroNonce: ChaChaPoly.Nonce? {
    try? ChaChaPoly.Nonce(data: [UInt8](repeating: 0, count: 12))
  }

  private static func seal(_ fileKey: [UInt8], _ key: SymmetricKey) -> [UInt8] {
    guard let nonce = zeroNonce, let box = try? ChaChaPoly.seal(fileKey, using: key, nonce: nonce)
    else { return [] }
    return Array(box.ciphertext) + Array(box.tag)
  }

  private static func open(_ body: [UInt8], _ key: SymmetricKey) -> [UInt8]? {
    guard let nonce = zeroNonce,
      let box = try? ChaChaPoly.SealedBox(
        nonce: nonce, ciphertext: body.prefix(fileKeySize), tag: body.suffix(16)),
      let fileKey = try? ChaChaPoly.open(box, using: key)
    else { return nil }
    return Array(fileKey)
  }
}
