/// Bech32 (BIP 173 checksum, no length limit) as age uses it for `age1…` recipients and
/// `AGE-SECRET-KEY-1…` identities.
enum Bech32 {
  private static let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)
  private static let generator: [UInt32] = [
    0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3,
  ]

  /// Encodes `data` under `hrp`; an upper-case `hrp` gives an upper-case string.
  static func encode(hrp: String, data: [UInt8]) -> String {
    let lowerHRP = hrp.lowercased()
    let values = convert(data, from: 8, to: 5, pad: true) ?? []
    let checksum = makeChecksum(hrp: lowerHRP, values: values)
    let text =
      lowerHRP + "1" + String(decoding: (values + checksum).map { charset[Int($0)] }, as: UTF8.self)
    return hrp == lowerHRP ? text : text.uppercased()
  }

  /// The human-readable part (in the string's case) and the data of a Bech32 string, or nil
  /// when the string is mixed-case, has a bad checksum or bad padding.
  static func decode(_ text: String) -> (hrp: String, data: [UInt8])? {
    guard text == text.lowercased() || text == text.uppercased() else { return nil }
    let bytes = Array(text.utf8)
    guard let separator = bytes.lastIndex(of: UInt8(ascii: "1")), separator >= 1,
      separator + 7 <= bytes.count
    else { return nil }
    let hrpBytes = bytes[..<separator]
    guard hrpBytes.allSatisfy({ (33...126).contains($0) }) else { return nil }
    let hrp = String(decoding: hrpBytes, as: UTF8.self)
    var values: [UInt8] = []
    for character in text.lowercased().utf8.dropFirst(separator + 1) {
      guard let index = charset.firstIndex(of: character) else { return nil }
      values.append(UInt8(index))
    }
    guard polymod(expand(hrp.lowercased()) + values) == 1,
      let data = convert(Array(values.dropLast(6)), from: 5, to: 8, pad: false)
    else { return nil }
    return (hrp, data)
  }

  private static func polymod(_ values: [UInt8]) -> UInt32 {
    var checksum: UInt32 = 1
    for value in values {
      let top = checksum >> 25
      checksum = (checksum & 0x1ff_ffff) << 5 ^ UInt32(value)
      for index in 0..<5 where (top >> UInt32(index)) & 1 == 1 {
        checksum ^= generator[index]
      }
    }
    return checksum
  }

  private static func expand(_ hrp: String) -> [UInt8] {
    let bytes = Array(hrp.utf8)
    return bytes.map { $0 >> 5 } + [0] + bytes.map { $0 & 31 }
  }

  private static func makeChecksum(hrp: String, values: [UInt8]) -> [UInt8] {
    let mod = polymod(expand(hrp) + values + [0, 0, 0, 0, 0, 0]) ^ 1
    return (0..<6).map { UInt8(truncatingIfNeeded: mod >> UInt32(5 * (5 - $0))) & 31 }
  }

  private static func convert(_ data: [UInt8], from: Int, to: Int, pad: Bool) -> [UInt8]? {
    var out: [UInt8] = []
    var accumulator: UInt32 = 0
    var bits = 0
    let mask = UInt32(1 << to - 1)
    for value in data {
      guard Int(value) >> from == 0 else { return nil }
      accumulator = accumulator << UInt32(from) | UInt32(value)
      bits += from
      while bits >= to {
        bits -= to
        out.append(UInt8(accumulator >> UInt32(bits) & mask))
      }
    }
    if pad {
      if bits > 0 { out.append(UInt8(accumulator << UInt32(to - bits) & mask)) }
    } else if bits >= from || accumulator << UInt32(to - bits) & mask != 0 {
      return nil
    }
    return out
  }
}
