import Crypto

/// One recipient stanza: `-> TYPE ARG…` and a wrapped base64 body.
struct AgeStanza: Sendable, Equatable {
  var type: String
  var arguments: [String]
  var body: [UInt8]

  /// The stanza's text: argument line, body wrapped at 64 columns, ending with a short line.
  var encoded: [UInt8] {
    var out = Array(("-> " + ([type] + arguments).joined(separator: " ") + "\n").utf8)
    let text = Array(AgeBase64.encode(body).utf8)
    var start = 0
    repeat {
      let end = min(start + AgeHeader.columns, text.count)
      out += text[start..<end] + [UInt8(ascii: "\n")]
      start += AgeHeader.columns
    } while start <= text.count
    return out
  }
}

/// The textual header of an age v1 file: the version line, the stanzas and the MAC.
struct AgeHeader: Sendable {
  static let intro = Array("age-encryption.org/v1\n".utf8)
  static let columns = 64
  static let bytesPerLine = 48

  var stanzas: [AgeStanza]
  var mac: [UInt8]
  /// The header bytes the MAC covers: from the version line up to and including `---`.
  var authenticated: [UInt8]

  /// A header over `stanzas`, MACed with `fileKey`.
  init(stanzas: [AgeStanza], fileKey: [UInt8]) {
    self.stanzas = stanzas
    authenticated = Self.intro + stanzas.flatMap(\.encoded) + Array("---".utf8)
    mac = Self.mac(of: authenticated, fileKey: fileKey)
  }

  /// The header's bytes, ending with the MAC line.
  var encoded: [UInt8] { authenticated + Array(" \(AgeBase64.encode(mac))\n".utf8) }

  /// HMAC-SHA-256 of `bytes` under HKDF(file key, "header").
  static func mac(of bytes: [UInt8], fileKey: [UInt8]) -> [UInt8] {
    let key = HKDF<SHA256>.deriveKey(
      inputKeyMaterial: SymmetricKey(data: fileKey), salt: [UInt8](),
      info: Array("header".utf8), outputByteCount: 32)
    return Array(HMAC<SHA256>.authenticationCode(for: bytes, using: key))
  }

  /// Parses the header at the start of `file`; returns it and the offset of the payload.
  static func parse(_ file: [UInt8]) throws(AgeError) -> (header: AgeHeader, payloadStart: Int) {
    var reader = LineReader(bytes: file)
    guard let first = reader.nextLine() else {
      throw AgeError(.header, "the file is empty or not an age file")
    }
    guard Array(file[first]) + [UInt8(ascii: "\n")] == intro else {
      throw AgeError(.header, "not an age v1 file: it does not start with age-encryption.org/v1")
    }
    var stanzas: [AgeStanza] = []
    while true {
      let lineStart = reader.position
      guard let line = reader.nextLine() else {
        throw AgeError(.header, "the age header ends before its --- MAC line")
      }
      let text = Array(file[line])
      if text.starts(with: Array("---".utf8)) {
        let parts = text.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 2, Array(parts[0]) == Array("---".utf8),
          let mac = AgeBase64.decode(parts[1]), mac.count == 32
        else { throw AgeError(.header, "the age header's MAC line is malformed") }
        var header = AgeHeader(stanzas: stanzas, fileKey: [])
        header.authenticated = Array(file[..<(lineStart + 3)])
        header.mac = mac
        return (header, reader.position)
      }
      stanzas.append(try parseStanza(opening: text, reader: &reader, file: file))
    }
  }

  private static func parseStanza(
    opening: [UInt8], reader: inout LineReader, file: [UInt8]
  ) throws(AgeError) -> AgeStanza {
    let parts = opening.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
    guard parts.count >= 2, Array(parts[0]) == Array("->".utf8),
      parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy { (33...126).contains($0) } })
    else { throw AgeError(.header, "a recipient stanza in the age header is malformed") }
    let words = parts.dropFirst().map { String(decoding: $0, as: UTF8.self) }
    var body: [UInt8] = []
    while true {
      guard let line = reader.nextLine() else {
        throw AgeError(.header, "the age header ends inside a recipient stanza")
      }
      guard let decoded = AgeBase64.decode(file[line]), decoded.count <= bytesPerLine else {
        throw AgeError(.header, "a recipient stanza body line in the age header is malformed")
      }
      body += decoded
      if decoded.count < bytesPerLine {
        return AgeStanza(type: words[0], arguments: Array(words.dropFirst()), body: body)
      }
    }
  }
}

/// Splits bytes into `\n`-terminated lines; a final piece without `\n` is not a line.
struct LineReader {
  let bytes: [UInt8]
  var position = 0

  /// The range of the next line without its `\n`, or nil at the end or before an
  /// unterminated piece.
  mutating func nextLine() -> Range<Int>? {
    guard position < bytes.count,
      let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n"))
    else { return nil }
    defer { position = end + 1 }
    return position..<end
  }
}
