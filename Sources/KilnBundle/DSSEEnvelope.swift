import Foundation

/// A DSSE envelope (`payload`, `payloadType`, `signatures`) as in-toto and securesystemslib
/// read it.
public struct DSSEEnvelope: Sendable, Hashable, Codable {
  /// The in-toto payload type.
  public static let inTotoPayloadType = "application/vnd.in-toto+json"

  /// One signature: the signer's keyid and the base64 signature of the PAE.
  public struct Signature: Sendable, Hashable, Codable {
    /// securesystemslib keyid of the signer.
    public var keyid: String
    /// Base64 Ed25519 signature of the PAE.
    public var sig: String
  }

  /// Base64 of the payload bytes.
  public var payload: String
  /// The payload's media type.
  public var payloadType: String
  /// Signatures, in the order signers appended them.
  public var signatures: [Signature]

  /// An envelope over `payload` signed by `key`.
  public init(payload: [UInt8], payloadType: String, key: SigningKey) {
    self.payload = Encoding.base64(payload)
    self.payloadType = payloadType
    signatures = []
    append(signatureBy: key)
  }

  /// Adds `key`'s signature (a co-signer).
  public mutating func append(signatureBy key: SigningKey) {
    let pae = Self.preAuthenticationEncoding(type: payloadType, body: payloadBytes ?? [])
    signatures.append(Signature(keyid: key.publicKey.keyID, sig: Encoding.base64(key.sign(pae))))
  }

  /// The decoded payload, or nil when `payload` is not base64.
  public var payloadBytes: [UInt8]? { Encoding.bytes(base64: payload) }

  /// PAE: `"DSSEv1" SP len(type) SP type SP len(body) SP body`, lengths in ASCII decimal bytes.
  public static func preAuthenticationEncoding(type: String, body: [UInt8]) -> [UInt8] {
    let typeBytes = Array(type.utf8)
    return Array("DSSEv1 \(typeBytes.count) ".utf8) + typeBytes + Array(" \(body.count) ".utf8)
      + body
  }

  /// The envelope's JSON text, keys sorted, ending in a newline.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// Parses an envelope file; `name` is used in messages.
  public init(parsing bytes: [UInt8], name: String) throws(BundleRejection) {
    do {
      self = try JSONDecoder().decode(DSSEEnvelope.self, from: Data(bytes))
    } catch {
      throw BundleRejection(
        .malformedSignature, "\(name) is not a DSSE envelope (payload, payloadType, signatures)")
    }
  }
}
