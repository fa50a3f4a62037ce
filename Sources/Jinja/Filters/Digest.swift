import Foundation

/// Message digests for the `hash`, `md5`, `sha1` and `checksum` filters (Python `hashlib` names).
enum Digest {
  /// The algorithms `hash` accepts, by their `hashlib` name.
  static let algorithms: [String: @Sendable ([UInt8]) -> [UInt8]] = [
    "md5": { md5($0) }, "sha1": { sha1($0) },
    "sha224": { sha256Family($0, initial: sha224Initial, words: 7) },
    "sha256": { sha256Family($0, initial: sha256Initial, words: 8) },
    "sha384": { sha512Family($0, initial: sha384Initial, words: 6) },
    "sha512": { sha512Family($0, initial: sha512Initial, words: 8) },
  ]

  /// Lower-case hexadecimal text of `bytes`, as `hexdigest()` prints it.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return text
  }

  /// Pads a message the MD-style way: 0x80, zeros, then the bit length in `lengthBytes` bytes.
  private static func padded(_ message: [UInt8], block: Int, lengthBytes: Int, bigEndian: Bool)
    -> [UInt8]
  {
    var data = message
    let bitLength = UInt64(message.count) &* 8
    data.append(0x80)
    while data.count % block != block - lengthBytes { data.append(0) }
    var lengthField = [UInt8](repeating: 0, count: lengthBytes)
    for index in 0..<8 {
      let byte = UInt8((bitLength >> (8 * UInt64(index))) & 0xff)
      if bigEndian {
        lengthField[lengthBytes - 1 - index] = byte
      } else {
        lengthField[index] = byte
      }
    }
    data.append(contentsOf: lengthField)
    return data
  }

  private static func rotl32(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }

  private static func bigEndianWords32(_ data: [UInt8], at offset: Int, count: Int) -> [UInt32] {
    (0..<count).map { index in
      let base = offset + index * 4
      return UInt32(data[base]) << 24 | UInt32(data[base + 1]) << 16 | UInt32(data[base + 2]) << 8
        | UInt32(data[base + 3])
    }
  }

  private static let md5Shifts: [UInt32] = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ]

  private static let md5Constants: [UInt32] = (0..<64).map { index in
    UInt32(truncatingIfNeeded: Int64(abs(sin(Double(index + 1))) * 4_294_967_296.0))
  }

  /// MD5 (RFC 1321).
  static func md5(_ message: [UInt8]) -> [UInt8] {
    let data = padded(message, block: 64, lengthBytes: 8, bigEndian: false)
    var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
    for chunk in stride(from: 0, to: data.count, by: 64) {
      let words = (0..<16).map { index -> UInt32 in
        let base = chunk + index * 4
        return UInt32(data[base]) | UInt32(data[base + 1]) << 8 | UInt32(data[base + 2]) << 16
          | UInt32(data[base + 3]) << 24
      }
      var (a, b, c, d) = (state[0], state[1], state[2], state[3])
      for round in 0..<64 {
        var f: UInt32
        var g: Int
        switch round {
        case 0..<16: (f, g) = ((b & c) | (~b & d), round)
        case 16..<32: (f, g) = ((d & b) | (~d & c), (5 * round + 1) % 16)
        case 32..<48: (f, g) = (b ^ c ^ d, (3 * round + 5) % 16)
        default: (f, g) = (c ^ (b | ~d), (7 * round) % 16)
        }
        f = f &+ a &+ md5Constants[round] &+ words[g]
        a = d
        d = c
        c = b
        b = b &+ rotl32(f, md5Shifts[round])
      }
      state[0] = state[0] &+ a
      state[1] = state[1] &+ b
      state[2] = state[2] &+ c
      state[3] = state[3] &+ d
    }
    return state.flatMap { word in (0..<4).map { UInt8((word >> (8 * UInt32($0))) & 0xff) } }
  }

  /// SHA-1 (FIPS 180-4).
  static func sha1(_ message: [UInt8]) -> [UInt8] {
    let data = padded(message, block: 64, lengthBytes: 8, bigEndian: true)
    var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0]
    for chunk in stride(from: 0, to: data.count, by: 64) {
      var words = bigEndianWords32(data, at: chunk, count: 16)
      for index in 16..<80 {
        words.append(
          rotl32(words[index - 3] ^ words[index - 8] ^ words[index - 14] ^ words[index - 16], 1))
      }
      var (a, b, c, d, e) = (state[0], state[1], state[2], state[3], state[4])
      for round in 0..<80 {
        let (f, k): (UInt32, UInt32)
        switch round {
        case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5a82_7999)
        case 20..<40: (f, k) = (b ^ c ^ d, 0x6ed9_eba1)
        case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc)
        default: (f, k) = (b ^ c ^ d, 0xca62_c1d6)
        }
        let temp = rotl32(a, 5) &+ f &+ e &+ k &+ words[round]
        e = d
        d = c
        c = rotl32(b, 30)
        b = a
        a = temp
      }
      state[0] = state[0] &+ a
      state[1] = state[1] &+ b
      state[2] = state[2] &+ c
      state[3] = state[3] &+ d
      state[4] = state[4] &+ e
    }
    return state.flatMap { word in (0..<4).map { UInt8((word >> (24 - 8 * UInt32($0))) & 0xff) } }
  }
}
