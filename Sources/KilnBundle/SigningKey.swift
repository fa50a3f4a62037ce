import Crypto
import Foundation

/// An Ed25519 signing key, stored in minisign's unencrypted secret key format so that the stock
/// `minisign -S -s FILE` can co-sign with it too.
public struct SigningKey: Sendable {
  private let seed: [UInt8]
  /// The matching public key.
  public let publicKey: PublicKey

  /// A fresh random key.
  public init() {
    self.init(key: Curve25519.Signing.PrivateKey())
  }

  /// The key with this 32-byte Ed25519 seed.
  public init(seed: [UInt8]) throws(KeyFormatError) {
    guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else {
      throw KeyFormatError("an Ed25519 seed is 32 bytes, got \(seed.count)")
    }
    self.init(key: key)
  }

  private init(key: Curve25519.Signing.PrivateKey) {
    self.seed = Array(key.rawRepresentation)
    let raw = Array(key.publicKey.rawRepresentation)
    let number = Array(SHA256.hash(data: raw)).prefix(8)
    self.publicKey = PublicKey(raw: raw, keyNumber: Array(number))
  }

  /// Ed25519 signature of `message` (64 bytes).
  public func sign(_ message: [UInt8]) -> [UInt8] {
    // Ed25519 signing over in-memory bytes does not fail.
    let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    return (try? key.map { Array(try $0.signature(for: message)) }) ?? []
  }

  /// The secret key file: minisign's format with no key derivation (`minisign -G -W`).
  public var secretKeyFile: String {
    let secret = seed + publicKey.raw
    var checksum = BLAKE2b(outputLength: 32)
    checksum.update(Array("Ed".utf8) + publicKey.keyNumber + secret)
    let body =
      Array("Ed".utf8) + [0, 0] + Array("B2".utf8) + [UInt8](repeating: 0, count: 48)
      + publicKey.keyNumber + secret + checksum.finalize()
    return "untrusted comment: kiln secret key \(publicKey.minisignKeyID)\n"
      + Encoding.base64(body) + "\n"
  }

  /// Reads a secret key file in minisign's unencrypted format (written by `kiln keygen` or
  /// `minisign -G -W`).
  public init(secretKeyFile text: String) throws(KeyFormatError) {
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard lines.count >= 2, let body = Encoding.bytes(base64: lines[1]), body.count == 158
    else {
      throw KeyFormatError(
        "not a minisign secret key file (comment line, then 212 base64 characters)")
    }
    guard body[0..<2].elementsEqual("Ed".utf8), body[4..<6].elementsEqual("B2".utf8) else {
      throw KeyFormatError("secret key algorithm is not Ed25519 with a BLAKE2b checksum")
    }
    guard body[2] == 0, body[3] == 0 else {
      throw KeyFormatError(
        "the secret key is password-encrypted; use one from `kiln keygen` or `minisign -G -W`")
    }
    let number = Array(body[54..<62])
    let secret = Array(body[62..<126])
    var checksum = BLAKE2b(outputLength: 32)
    checksum.update(Array("Ed".utf8) + number + secret)
    guard checksum.finalize() == Array(body[126..<158]) else {
      throw KeyFormatError("the secret key's checksum does not match: the file is damaged")
    }
    let derived = try SigningKey(seed: Array(secret[0..<32]))
    guard derived.publicKey.raw == Array(secret[32..<64]) else {
      throw KeyFormatError("the secret key's public half does not match its seed")
    }
    seed = derived.seed
    publicKey = PublicKey(raw: derived.publicKey.raw, keyNumber: number)
  }
}
