import Crypto

/// age's STREAM payload: a 16-byte nonce, then 64 KiB ChaCha20-Poly1305 chunks under
/// HKDF(file key, nonce, "payload"), each nonce an 11-byte big-endian counter and a last-chunk
/// flag.
enum AgePayload {
  static let chunkSize = 64 * 1024
  static let tagSize = 16
  static let nonceSize = 16

  /// The payload bytes (nonce and chunks) for `plaintext`.
  static func seal(_ plaintext: [UInt8], fileKey: [UInt8], nonce: [UInt8]) -> [UInt8] {
    let key = payloadKey(fileKey: fileKey, nonce: nonce)
    var out = nonce
    out.reserveCapacity(nonceSize + plaintext.count + (plaintext.count / chunkSize + 1) * tagSize)
    var start = 0
    var counter: UInt64 = 0
    repeat {
      let end = min(start + chunkSize, plaintext.count)
      let last = end == plaintext.count
      // Sealing with a valid key and a 12-byte nonce cannot fail.
      if let box = try? ChaChaPoly.seal(
        plaintext[start..<end], using: key, nonce: chunkNonce(counter, last: last))
      {
        out += box.ciphertext
        out += box.tag
      }
      counter += 1
      start = end
    } while start < plaintext.count
    return out
  }

  /// The plaintext of the payload starting at `payload` (the nonce), or a payload error.
  static func open(_ file: [UInt8], from payload: Int, fileKey: [UInt8]) throws(AgeError)
    -> [UInt8]
  {
    guard file.count - payload >= nonceSize else {
      throw AgeError(.header, "the age file ends before its payload nonce")
    }
    let key = payloadKey(fileKey: fileKey, nonce: Array(file[payload..<(payload + nonceSize)]))
    var position = payload + nonceSize
    var counter: UInt64 = 0
    var plaintext: [UInt8] = []
    plaintext.reserveCapacity(file.count - position)
    let fullChunk = chunkSize + tagSize
    while true {
      let remaining = file.count - position
      guard remaining >= tagSize else {
        throw AgeError(.payload, "the age payload is truncated: it has no final chunk")
      }
      if remaining == tagSize, counter != 0 {
        throw AgeError(.payload, "the age payload ends with an empty chunk")
      }
      let chunk = file[position..<(position + min(remaining, fullChunk))]
      var last = remaining < fullChunk
      var opened = openChunk(chunk, key: key, counter: counter, last: last)
      if opened == nil, remaining == fullChunk {
        last = true
        opened = openChunk(chunk, key: key, counter: counter, last: true)
      }
      guard let opened else {
        throw AgeError(
          .payload,
          "the age payload does not authenticate: the file is damaged or was tampered with")
      }
      plaintext += opened
      position += chunk.count
      counter += 1
      if last {
        guard position == file.count else {
          throw AgeError(.payload, "the age file has trailing data after its final chunk")
        }
        return plaintext
      }
    }
  }

  private static func openChunk(
    _ chunk: ArraySlice<UInt8>, key: SymmetricKey, counter: UInt64, last: Bool
  ) -> [UInt8]? {
    guard
      let box = try? ChaChaPoly.SealedBox(
        nonce: chunkNonce(counter, last: last), ciphertext: chunk.dropLast(tagSize),
        tag: chunk.suffix(tagSize)),
      let plain = try? ChaChaPoly.open(box, using: key)
    else { return nil }
    return Array(plain)
  }

  private static func payloadKey(fileKey: [UInt8], nonce: [UInt8]) -> SymmetricKey {
    HKDF<SHA256>.deriveKey(
      inputKeyMaterial: SymmetricKey(data: fileKey), salt: nonce, info: Array("payload".utf8),
      outputByteCount: 32)
  }

  private static func chunkNonce(_ counter: UInt64, last: Bool) -> ChaChaPoly.Nonce {
    var bytes = [UInt8](repeating: 0, count: 12)
    for index in 0..<8 { bytes[10 - index] = UInt8(truncatingIfNeeded: counter >> (8 * index)) }
    bytes[11] = last ? 1 : 0
    // A 12-byte nonce is always valid.
    return (try? ChaChaPoly.Nonce(data: bytes)) ?? ChaChaPoly.Nonce()
  }
}
