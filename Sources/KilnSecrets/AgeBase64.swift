/// The strict base64 age uses: the standard alphabet, canonical encodings only (unused bits
/// zero), unpadded in headers and padded in the ASCII armor.
enum AgeBase64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  private static let values: [Int8] = {
    var table = [Int8](repeating: -1, count: 256)
    for (index, character) in alphabet.enumerated() { table[Int(character)] = Int8(index) }
    return table
  }()

  /// Encodes `bytes`, without `=` padding unless `padded`.
  static func encode(_ bytes: some Collection<UInt8>, padded: Bool = false) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var iterator = bytes.makeIterator()
    while let first = iterator.next() {
      let second = iterator.next()
      let third = iterator.next()
      let group = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
      let produced = third != nil ? 4 : second != nil ? 3 : 2
      for index in 0..<4 {
        if index < produced {
          out.append(alphabet[Int(group >> UInt32(18 - 6 * index) & 0x3f)])
        } else if padded {
          out.append(UInt8(ascii: "="))
        }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes canonical unpadded base64, or nil for any other input (padding, line breaks,
  /// non-zero unused bits, an impossible length).
  static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
    let characters = Array(text)
    guard characters.count % 4 != 1 else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(characters.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for character in characters {
      let value = values[Int(character)]
      guard value >= 0 else { return nil }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
      }
    }
    guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
    return out
  }

  /// Decodes canonical padded base64 (length a multiple of four), or nil.
  static func decodePadded(_ text: some Collection<UInt8>) -> [UInt8]? {
    let characters = Array(text)
    guard characters.count % 4 == 0 else { return nil }
    let padding = characters.reversed().prefix { $0 == UInt8(ascii: "=") }.count
    guard padding <= 2 else { return nil }
    let body = characters.dropLast(padding)
    guard padding == 0 || body.count % 4 == 4 - padding else { return nil }
    return decode(body)
  }
}
