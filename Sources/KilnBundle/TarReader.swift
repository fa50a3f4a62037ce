/// Reads the ustar archives `TarWriter` makes, refusing anything a bundle must not contain:
/// bad checksums, absolute or `..` paths, duplicates, links, devices, directories, sizes that
/// run past the end, trailing data after the end marker.
public enum TarReader {
  /// Every entry of `archive`, in archive order; nothing is written anywhere.
  public static func entries(of archive: [UInt8]) throws(BundleRejection) -> [TarEntry] {
    let blockSize = TarWriter.blockSize
    guard archive.count % blockSize == 0 else {
      throw BundleRejection(
        .malformedArchive, "archive length \(archive.count) is not a multiple of 512 bytes")
    }
    var entries: [TarEntry] = []
    var seen: Set<String> = []
    var offset = 0
    while offset + blockSize <= archive.count {
      let header = Array(archive[offset..<(offset + blockSize)])
      if header.allSatisfy({ $0 == 0 }) {
        try checkEnd(archive, from: offset)
        return entries
      }
      let entry = try parseHeader(header, at: offset, archive: archive)
      guard seen.insert(entry.path).inserted else {
        throw BundleRejection(.duplicatePath, "archive holds '\(entry.path)' twice")
      }
      entries.append(entry)
      offset += blockSize + TarWriter.padded(entry.contents.count)
    }
    throw BundleRejection(.malformedArchive, "archive ends without the two zero blocks")
  }

  private static func checkEnd(_ archive: [UInt8], from offset: Int) throws(BundleRejection) {
    guard archive.count >= offset + 2 * TarWriter.blockSize else {
      throw BundleRejection(.malformedArchive, "archive ends after one zero block")
    }
    guard archive[offset...].allSatisfy({ $0 == 0 }) else {
      throw BundleRejection(.malformedArchive, "data after the archive's end marker")
    }
  }

  private static func parseHeader(_ header: [UInt8], at offset: Int, archive: [UInt8])
    throws(BundleRejection) -> TarEntry
  {
    let stored = try number(header, 148, 8, "checksum", offset)
    var sum: UInt64 = 0
    for (index, byte) in header.enumerated() {
      sum += (148..<156).contains(index) ? UInt64(UInt8(ascii: " ")) : UInt64(byte)
    }
    guard stored == sum else {
      throw BundleRejection(.malformedArchive, "header at byte \(offset) has a bad checksum")
    }
    guard header[257..<263].elementsEqual("ustar\0".utf8),
      header[263..<265].elementsEqual("00".utf8)
    else {
      throw BundleRejection(.malformedArchive, "header at byte \(offset) is not POSIX ustar")
    }
    let path = try fullPath(header, offset)
    try checkType(header[156], path: path)
    let mode = try number(header, 100, 8, "mode", offset)
    let size = try number(header, 124, 12, "size", offset)
    let start = offset + TarWriter.blockSize
    guard size <= UInt64(archive.count - start) else {
      throw BundleRejection(
        .malformedArchive, "'\(path)' declares \(size) bytes, past the end of the archive")
    }
    guard mode <= 0o7777 else {
      throw BundleRejection(.malformedArchive, "'\(path)' has mode \(String(mode, radix: 8))")
    }
    return TarEntry(
      path: path, mode: UInt16(mode), contents: Array(archive[start..<(start + Int(size))]))
  }

  private static func checkType(_ flag: UInt8, path: String) throws(BundleRejection) {
    switch flag {
    case UInt8(ascii: "0"), 0: return
    case UInt8(ascii: "1"), UInt8(ascii: "2"):
      throw BundleRejection(.link, "'\(path)' is a link; bundles hold regular files only")
    case UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6"):
      throw BundleRejection(
        .device, "'\(path)' is a device or FIFO; bundles hold regular files only")
    default:
      throw BundleRejection(
        .malformedArchive,
        "'\(path)' has entry type '\(Character(Unicode.Scalar(flag)))'; bundles hold regular files only"
      )
    }
  }

  private static func fullPath(_ header: [UInt8], _ offset: Int) throws(BundleRejection) -> String {
    let name = field(header, 0, 100)
    let prefix = field(header, 345, 155)
    let bytes = prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
    guard let path = String(validating: bytes, as: UTF8.self) else {
      throw BundleRejection(.unsafePath, "entry at byte \(offset) has a path that is not UTF-8")
    }
    guard TarPath.isSafe(path) else {
      throw BundleRejection(
        .unsafePath, "entry '\(path)' is absolute, empty or climbs out with '..'")
    }
    return path
  }

  private static func field(_ header: [UInt8], _ start: Int, _ length: Int) -> [UInt8] {
    let slice = header[start..<(start + length)]
    return Array(slice.prefix { $0 != 0 })
  }

  private static func number(
    _ header: [UInt8], _ start: Int, _ length: Int, _ name: String, _ offset: Int
  ) throws(BundleRejection) -> UInt64 {
    let digits = field(header, start, length).filter { $0 != UInt8(ascii: " ") }
    guard !digits.isEmpty, digits.count <= 11,
      digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) })
    else {
      throw BundleRejection(.malformedArchive, "header at byte \(offset) has a bad \(name) field")
    }
    return digits.reduce(UInt64(0)) { $0 * 8 + UInt64($1 - UInt8(ascii: "0")) }
  }
}
