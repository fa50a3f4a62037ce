/// Writes deterministic POSIX ustar archives: entries sorted by path bytes, one fixed mtime,
/// uid/gid 0, empty owner names, explicit modes, regular files only.
public enum TarWriter {
  static let blockSize = 512

  /// The archive of `entries` with every mtime set to `modificationTime` (seconds since epoch).
  public static func archive(_ entries: [TarEntry], modificationTime: Int64) throws(TarWriteError)
    -> [UInt8]
  {
    let sorted = entries.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var out: [UInt8] = []
    out.reserveCapacity(sorted.reduce(1024) { $0 + 512 + padded($1.contents.count) })
    var previous: String?
    for entry in sorted {
      if entry.path == previous { throw TarWriteError("duplicate archive path '\(entry.path)'") }
      previous = entry.path
      out += try header(for: entry, modificationTime: modificationTime)
      out += entry.contents
      out += [UInt8](repeating: 0, count: padded(entry.contents.count) - entry.contents.count)
    }
    out += [UInt8](repeating: 0, count: 2 * blockSize)
    return out
  }

  static func padded(_ count: Int) -> Int { (count + blockSize - 1) / blockSize * blockSize }

  private static func header(for entry: TarEntry, modificationTime: Int64) throws(TarWriteError)
    -> [UInt8]
  {
    guard TarPath.isSafe(entry.path) else {
      throw TarWriteError("unsafe archive path '\(entry.path)'")
    }
    let (prefix, name) = try split(entry.path)
    guard entry.contents.count < 0o77777777777, modificationTime >= 0,
      modificationTime < 0o77777777777
    else {
      throw TarWriteError("'\(entry.path)' is too large or dated outside the ustar range")
    }
    var block = [UInt8](repeating: 0, count: blockSize)
    put(Array(name.utf8), at: 0, in: &block)
    put(octal(UInt64(entry.mode & 0o7777), width: 8), at: 100, in: &block)
    put(octal(0, width: 8), at: 108, in: &block)
    put(octal(0, width: 8), at: 116, in: &block)
    put(octal(UInt64(entry.contents.count), width: 12), at: 124, in: &block)
    put(octal(UInt64(modificationTime), width: 12), at: 136, in: &block)
    block[156] = UInt8(ascii: "0")
    put(Array("ustar\0".utf8), at: 257, in: &block)
    put(Array("00".utf8), at: 263, in: &block)
    put(octal(0, width: 8), at: 329, in: &block)
    put(octal(0, width: 8), at: 337, in: &block)
    put(Array(prefix.utf8), at: 345, in: &block)
    put([UInt8](repeating: UInt8(ascii: " "), count: 8), at: 148, in: &block)
    let sum = block.reduce(UInt64(0)) { $0 + UInt64($1) }
    put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148, in: &block)
    return block
  }

  /// Splits a path into ustar's prefix (≤ 155 bytes) and name (≤ 100 bytes) at a `/`.
  static func split(_ path: String) throws(TarWriteError) -> (prefix: String, name: String) {
    let bytes = Array(path.utf8)
    if bytes.count <= 100 { return ("", path) }
    for index in bytes.indices.reversed() where bytes[index] == UInt8(ascii: "/") {
      let nameCount = bytes.count - index - 1
      if nameCount > 100 { break }
      if index <= 155 {
        return (
          String(decoding: bytes[..<index], as: UTF8.self),
          String(decoding: bytes[(index + 1)...], as: UTF8.self)
        )
      }
    }
    throw TarWriteError(
      "archive path '\(path)' does not fit ustar (name ≤ 100 bytes after a prefix ≤ 155 bytes)")
  }

  /// `value` in octal, zero-padded to `width - 1` digits and NUL-terminated.
  static func octal(_ value: UInt64, width: Int) -> [UInt8] {
    let digits = Array(String(value, radix: 8).utf8)
    return [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - 1 - digits.count)) + digits
      + [0]
  }

  private static func put(_ bytes: [UInt8], at offset: Int, in block: inout [UInt8]) {
    block.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
  }
}
