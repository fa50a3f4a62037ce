import Crypto
import Foundation
import KilnCompiler

/// An Ed25519 public key with its two identities: minisign's 8-byte key number and the
/// securesystemslib keyid (hex SHA-256 of the canonical key JSON).
public struct PublicKey: Sendable, Hashable {
  /// The 32 raw key bytes.
  public var raw: [UInt8]
  /// minisign's key number (little-endian key id).
  public var keyNumber: [UInt8]

  /// Creates a key from its raw bytes and key number.
  public init(raw: [UInt8], keyNumber: [UInt8]) {
    self.raw = raw
    self.keyNumber = keyNumber
  }

  /// Parses minisign's public key: the base64 line (`RW…`) or a whole `.pub` file's text.
  public init(minisign text: String) throws(KeyFormatError) {
    let lines = text.split(whereSeparator: \.isNewline).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let line = lines.first { !$0.isEmpty && !$0.hasPrefix("untrusted comment:") } ?? ""
    guard let bytes = Encoding.bytes(base64: line), bytes.count == 42 else {
      throw KeyFormatError("not a minisign public key: expected 56 base64 characters (RW…)")
    }
    guard bytes[0..<2].elementsEqual("Ed".utf8) else {
      throw KeyFormatError("minisign public key has algorithm '\(bytes[0])\(bytes[1])', not Ed")
    }
    self.init(raw: Array(bytes[10..<42]), keyNumber: Array(bytes[2..<10]))
  }

  /// minisign's key id as it prints it: the key number read little-endian, upper-case hex.
  public var minisignKeyID: String {
    Digest.hex(keyNumber.reversed()).uppercased()
  }

  /// The base64 line of minisign's public key format (`RW…`).
  public var minisignBase64: String {
    Encoding.base64(Array("Ed".utf8) + keyNumber + raw)
  }

  /// The complete minisign `.pub` file.
  public var minisignFile: String {
    "untrusted comment: minisign public key \(minisignKeyID)\n\(minisignBase64)\n"
  }

  /// The canonical JSON whose SHA-256 is the keyid.
  var canonicalJSON: String {
    "{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\"\(Digest.hex(raw))\"},\"scheme\":\"ed25519\"}"
  }

  /// securesystemslib's keyid: hex SHA-256 of the canonical key JSON.
  public var keyID: String {
    Digest.hex(SHA256.hash(data: Array(canonicalJSON.utf8)))
  }

  /// The securesystemslib-style key JSON, with its keyid.
  public var securesystemslibJSON: String {
    """
    {"keyid": "\(keyID)", "keytype": "ed25519", "keyval": {"public": "\(Digest.hex(raw))"}, \
    "scheme": "ed25519"}

    """
  }

  /// Whether `signature` is this key's Ed25519 signature of `message`.
  public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
    guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
    return key.isValidSignature(signature, for: message)
  }
}

/// A key file that cannot be read: what is wrong and how to get a good one.
public struct KeyFormatError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public var message: String
  /// Creates the error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}
