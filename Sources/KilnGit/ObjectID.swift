import CLibGit2

/// Conversions between libgit2's binary object ids and 40-digit lowercase hex.
enum ObjectID {
  private static let digits = Array("0123456789abcdef".utf8)

  /// The id as 40 lowercase hex digits.
  static func hex(_ oid: git_oid) -> String {
    var text: [UInt8] = []
    text.reserveCapacity(40)
    withUnsafeBytes(of: oid.id) { bytes in
      for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
      }
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The id a 40-digit hex string names, or nil if it is not one.
  static func parse(_ hex: String) -> git_oid? {
    guard hex.utf8.count == 40, hex.utf8.allSatisfy(\.isASCIIHexDigit) else { return nil }
    var oid = git_oid()
    guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
    return oid
  }

  /// Git's blob id of `bytes`: SHA-1 over `blob <length>\0` followed by the bytes.
  static func blobHash(of bytes: [UInt8]) throws(GitError) -> String {
    try LibGit2.ensureInitialized()
    var oid = git_oid()
    // An empty array may have no storage; libgit2 still wants a valid pointer.
    let storage = bytes.isEmpty ? [0] : bytes
    let status = storage.withUnsafeBytes { buffer in
      git_odb_hash(&oid, buffer.baseAddress, bytes.count, GIT_OBJECT_BLOB)
    }
    guard status == 0 else { throw GitError.libgit2("hash a blob") }
    return hex(oid)
  }
}

extension UInt8 {
  /// Whether this byte is an ASCII hex digit (either case).
  fileprivate var isASCIIHexDigit: Bool {
    (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
  }
}
