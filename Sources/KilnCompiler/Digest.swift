import Crypto

/// Content digests and their hex form, shared by manifests, caches and bundles.
public enum Digest {
  /// Lower-case hex SHA-256 of `bytes`.
  public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
    hex(SHA256.hash(data: Array(bytes)))
  }

  /// Lower-case hex of `bytes`.
  public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let table = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
      out.append(table[Int(byte >> 4)])
      out.append(table[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
