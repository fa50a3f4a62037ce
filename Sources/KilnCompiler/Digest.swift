import Crypto

/// Content digests used in manifests and caches.
public enum Digest {
  /// Lower-case hex SHA-256 of `bytes`.
  public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
    SHA256.hash(data: Array(bytes)).hexString
  }
}

extension Sequence where Element == UInt8 {
  /// Lower-case hex of the bytes.
  var hexString: String {
    let table = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in self {
      out.append(table[Int(byte >> 4)])
      out.append(table[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
