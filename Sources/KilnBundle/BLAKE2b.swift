/// BLAKE2b (RFC 7693): the hash minisign's prehashed `ED` signatures and key checksums use.
public struct BLAKE2b: Sendable {
  private static let iv: [UInt64] = [
    0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
  ]

  private static let sigma: [[Int]] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
  ]

  private var state: [UInt64]
  private var buffer: [UInt8] = []
  private var counter: (low: UInt64, high: UInt64) = (0, 0)
  private let outputLength: Int

  /// Starts a hash with `outputLength` bytes of output (1…64) and an optional key (≤ 64 bytes).
  public init(outputLength: Int = 64, key: [UInt8] = []) {
    precondition((1...64).contains(outputLength) && key.count <= 64, "BLAKE2b parameters")
    self.outputLength = outputLength
    state = Self.iv
    state[0] ^= 0x0101_0000 ^ (UInt64(key.count) << 8) ^ UInt64(outputLength)
    if !key.isEmpty {
      buffer = key + [UInt8](repeating: 0, count: 128 - key.count)
    }
  }

  /// Absorbs `bytes`.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    var rest = bytes[...]
    while !rest.isEmpty {
      if buffer.count == 128 {
        increment(by: 128)
        compress(block: buffer, isLast: false)
        buffer.removeAll(keepingCapacity: true)
      }
      let take = rest.prefix(128 - buffer.count)
      buffer.append(contentsOf: take)
      rest = rest[take.endIndex...]
    }
  }

  /// The digest of everything absorbed.
  public consuming func finalize() -> [UInt8] {
    increment(by: UInt64(buffer.count))
    let block = buffer + [UInt8](repeating: 0, count: 128 - buffer.count)
    compress(block: block, isLast: true)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for word in state {
      for shift in stride(from: 0, to: 64, by: 8) {
        out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return Array(out.prefix(outputLength))
  }

  /// The BLAKE2b digest of `bytes` with `outputLength` bytes of output.
  public static func hash(_ bytes: some Collection<UInt8>, outputLength: Int = 64) -> [UInt8] {
    var hasher = BLAKE2b(outputLength: outputLength)
    hasher.update(bytes)
    return hasher.finalize()
  }

  private mutating func increment(by count: UInt64) {
    let (sum, overflow) = counter.low.addingReportingOverflow(count)
    counter.low = sum
    if overflow { counter.high &+= 1 }
  }

  private mutating func compress(block: [UInt8], isLast: Bool) {
    let counter = counter
    state.withUnsafeMutableBufferPointer { state in
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { work in
        block.withUnsafeBytes { bytes in
          for index in 0..<16 {
            work[16 + index] = UInt64(
              littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
          }
        }
        for index in 0..<8 {
          work[index] = state[index]
          work[index + 8] = Self.iv[index]
        }
        work[12] ^= counter.low
        work[13] ^= counter.high
        if isLast { work[14] = ~work[14] }
        Self.sigma.withUnsafeBufferPointer { sigma in
          for round in 0..<12 {
            Self.round(work, sigma[round % 10])
          }
        }
        for index in 0..<8 { state[index] ^= work[index] ^ work[index + 8] }
      }
    }
  }

  /// One round: columns then diagonals; `work` holds v[0..<16] then the message words.
  private static func round(_ work: UnsafeMutableBufferPointer<UInt64>, _ s: [Int]) {
    s.withUnsafeBufferPointer { s in
      mix(work, 0, 4, 8, 12, work[16 + s[0]], work[16 + s[1]])
      mix(work, 1, 5, 9, 13, work[16 + s[2]], work[16 + s[3]])
      mix(work, 2, 6, 10, 14, work[16 + s[4]], work[16 + s[5]])
      mix(work, 3, 7, 11, 15, work[16 + s[6]], work[16 + s[7]])
      mix(work, 0, 5, 10, 15, work[16 + s[8]], work[16 + s[9]])
      mix(work, 1, 6, 11, 12, work[16 + s[10]], work[16 + s[11]])
      mix(work, 2, 7, 8, 13, work[16 + s[12]], work[16 + s[13]])
      mix(work, 3, 4, 9, 14, work[16 + s[14]], work[16 + s[15]])
    }
  }

  private static func mix(
    _ v: UnsafeMutableBufferPointer<UInt64>, _ a: Int, _ b: Int, _ c: Int, _ d: Int,
    _ x: UInt64, _ y: UInt64
  ) {
    var va = v[a]
    var vb = v[b]
    var vc = v[c]
    var vd = v[d]
    va = va &+ vb &+ x
    vd = (vd ^ va).rotatedRight(32)
    vc = vc &+ vd
    vb = (vb ^ vc).rotatedRight(24)
    va = va &+ vb &+ y
    vd = (vd ^ va).rotatedRight(16)
    vc = vc &+ vd
    vb = (vb ^ vc).rotatedRight(63)
    v[a] = va
    v[b] = vb
    v[c] = vc
    v[d] = vd
  }
}

extension UInt64 {
  fileprivate func rotatedRight(_ count: UInt64) -> UInt64 {
    (self >> count) | (self << (64 - count))
  }
}
