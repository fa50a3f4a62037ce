import Crypto
import KilnCompiler

/// Short keyed fingerprints of secret files: equal contents give equal fingerprints within an
/// environment, and the key (derived from the environment's name) keeps them from matching
/// precomputed digests of common values. Secret files carry `<secret NAME sha256:…>`
/// placeholders, never values, so a fingerprint reveals nothing either way.
enum SecretFingerprint {
  /// Hex digits shown.
  static let length = 12

  static func of(_ contents: [UInt8], environment: String) -> String {
    let key = SymmetricKey(data: Array("kiln diff secret fingerprint \(environment)".utf8))
    let code = HMAC<SHA256>.authenticationCode(for: contents, using: key)
    return String(Digest.hex(code).prefix(length))
  }
}
