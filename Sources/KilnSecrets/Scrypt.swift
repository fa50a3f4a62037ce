import Crypto

/// scrypt (RFC 7914) with PBKDF2-HMAC-SHA-256 and Salsa20/8: the key derivation of age's
/// passphrase recipients. The inner loops run on unsafe buffers of 32-bit words.
public enum Scrypt {
  /// Derives `length` bytes from `password` and `salt` with cost `2^logN`, block size `r` and
  /// parallelism `p`.
  public static func derive(
    password: [UInt8], salt: [UInt8], logN: Int, r: Int = 8, p: Int = 1, length: Int = 32
  ) -> [UInt8] {
    let blockWords = 32 * r
    let initial = pbkdf2(password: password, salt: salt, length: p * 128 * r)
    var words = [UInt32](repeating: 0, count: p * blockWords)
    for index in words.indices { words[index] = loadWord(initial, at: index * 4) }
    let n = 1 << logN
    var table = [UInt32](repeating: 0, count: n * blockWords)
    var scratch = [UInt32](repeating: 0, count: 2 * blockWords + 16)
    words.withUnsafeMutableBufferPointer { block in
      table.withUnsafeMutableBufferPointer { vector in
        scratch.withUnsafeMutableBufferPointer { temporary in
          for lane in 0..<p {
            romix(
              block.baseAddress! + lane * blockWords, vector.baseAddress!,
              temporary.baseAddress!, n: n, r: r)
          }
        }
      }
    }
    var mixed: [UInt8] = []
    mixed.reserveCapacity(words.count * 4)
    for word in words {
      for shift in stride(from: 0, to: 32, by: 8) {
        mixed.append(UInt8(truncatingIfNeeded: word >> shift))
      }
    }
    return pbkdf2(password: password, salt: mixed, length: length)
  }

  /// PBKDF2-HMAC-SHA-256 with one iteration, as scrypt uses it.
  static func pbkdf2(password: [UInt8], salt: [UInt8], length: Int) -> [UInt8] {
    let key = SymmetricKey(data: password)
    var out: [UInt8] = []
    var blockIndex: UInt32 = 1
    while out.count < length {
      let counter = (0..<4).map { UInt8(truncatingIfNeeded: blockIndex >> (24 - 8 * $0)) }
      out += HMAC<SHA256>.authenticationCode(for: salt + counter, using: key)
      blockIndex += 1
    }
    return Array(out.prefix(length))
  }

  private static func loadWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }

  /// ROMix on one block `x` of `32 r` words, with the table `v` of `n` blocks.
  private static func romix(
    _ x: UnsafeMutablePointer<UInt32>, _ v: UnsafeMutablePointer<UInt32>,
    _ scratch: UnsafeMutablePointer<UInt32>, n: Int, r: Int
  ) {
    let words = 32 * r
    let y = scratch
    let salsa = scratch + words
    for index in 0..<n {
      (v + index * words).update(from: x, count: words)
      blockMix(x, into: y, salsa: salsa, r: r)
      x.update(from: y, count: words)
    }
    for _ in 0..<n {
      let j = Int(x[words - 16] & UInt32(n - 1))
      let row = v + j * words
      for index in 0..<words { x[index] ^= row[index] }
      blockMix(x, into: y, salsa: salsa, r: r)
      x.update(from: y, count: words)
    }
  }

  /// BlockMix with Salsa20/8: even output blocks first, then odd ones.
  private static func blockMix(
    _ input: UnsafeMutablePointer<UInt32>, into output: UnsafeMutablePointer<UInt32>,
    salsa x: UnsafeMutablePointer<UInt32>, r: Int
  ) {
    x.update(from: input + (2 * r - 1) * 16, count: 16)
    for index in 0..<(2 * r) {
      let block = input + index * 16
      for word in 0..<16 { x[word] ^= block[word] }
      salsa208Core(x)
      let target = output + ((index & 1) * r + index / 2) * 16
      target.update(from: x, count: 16)
    }
  }

  /// The Salsa20/8 core, in place on 16 words.
  private static func salsa208Core(_ b: UnsafeMutablePointer<UInt32>) {
    var x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7]
    var x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14]
    var x15 = b[15]
    @inline(__always) func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
      value << count | value >> (32 - count)
    }
    for _ in 0..<4 {
      x4 ^= rotate(x0 &+ x12, 7); x8 ^= rotate(x4 &+ x0, 9)
      x12 ^= rotate(x8 &+ x4, 13); x0 ^= rotate(x12 &+ x8, 18)
      x9 ^= rotate(x5 &+ x1, 7); x13 ^= rotate(x9 &+ x5, 9)
      x1 ^= rotate(x13 &+ x9, 13); x5 ^= rotate(x1 &+ x13, 18)
      x14 ^= rotate(x10 &+ x6, 7); x2 ^= rotate(x14 &+ x10, 9)
      x6 ^= rotate(x2 &+ x14, 13); x10 ^= rotate(x6 &+ x2, 18)
      x3 ^= rotate(x15 &+ x11, 7); x7 ^= rotate(x3 &+ x15, 9)
      x11 ^= rotate(x7 &+ x3, 13); x15 ^= rotate(x11 &+ x7, 18)
      x1 ^= rotate(x0 &+ x3, 7); x2 ^= rotate(x1 &+ x0, 9)
      x3 ^= rotate(x2 &+ x1, 13); x0 ^= rotate(x3 &+ x2, 18)
      x6 ^= rotate(x5 &+ x4, 7); x7 ^= rotate(x6 &+ x5, 9)
      x4 ^= rotate(x7 &+ x6, 13); x5 ^= rotate(x4 &+ x7, 18)
      x11 ^= rotate(x10 &+ x9, 7); x8 ^= rotate(x11 &+ x10, 9)
      x9 ^= rotate(x8 &+ x11, 13); x10 ^= rotate(x9 &+ x8, 18)
      x12 ^= rotate(x15 &+ x14, 7); x13 ^= rotate(x12 &+ x15, 9)
      x14 ^= rotate(x13 &+ x12, 13); x15 ^= rotate(x14 &+ x13, 18)
    }
    b[0] &+= x0; b[1] &+= x1; b[2] &+= x2; b[3] &+= x3; b[4] &+= x4; b[5] &+= x5
    b[6] &+= x6; b[7] &+= x7; b[8] &+= x8; b[9] &+= x9; b[10] &+= x10; b[11] &+= x11
    b[12] &+= x12; b[13] &+= x13; b[14] &+= x14; b[15] &+= x15
  }
}
