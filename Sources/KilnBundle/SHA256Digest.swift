import Crypto

/// SHA-256 over byte arrays.
enum SHA256Digest {
  /// The 32-byte digest of `bytes`.
  static func of(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
