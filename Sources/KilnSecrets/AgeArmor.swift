/// age's ASCII armor: PEM type `AGE ENCRYPTED FILE`, padded base64 in 64-column lines, no
/// headers, strict decoding (as the reference implementation's armor package).
enum AgeArmor {
  static let begin = "-----BEGIN AGE ENCRYPTED FILE-----"
  static let end = "-----END AGE ENCRYPTED FILE-----"
  private static let maxWhitespace = 1024

  /// Whether `file` is armored: its first non-whitespace bytes are the BEGIN line.
  static func isArmored(_ file: [UInt8]) -> Bool {
    let content = file.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d }
    return content.starts(with: Array(begin.utf8))
  }

  /// The armored form of `binary`.
  static func armor(_ binary: [UInt8]) -> [UInt8] {
    var out = Array((begin + "\n").utf8)
    let text = Array(AgeBase64.encode(binary, padded: true).utf8)
    var start = 0
    while start < text.count {
      let stop = min(start + AgeHeader.columns, text.count)
      out += text[start..<stop] + [UInt8(ascii: "\n")]
      start = stop
    }
    return out + Array((end + "\n").utf8)
  }

  /// The binary file inside armored `file`.
  static func dearmor(_ file: [UInt8]) throws(AgeError) -> [UInt8] {
    var reader = ArmorLines(bytes: file)
    var skipped = 0
    while true {
      guard let line = reader.next() else { throw failure("no BEGIN line") }
      if line.allSatisfy(isSpace) {
        skipped += line.count + 1
        guard skipped <= maxWhitespace else { throw failure("too much leading whitespace") }
        continue
      }
      guard line.elementsEqual(begin.utf8) else { throw failure("the first line is not \(begin)") }
      break
    }
    var binary: [UInt8] = []
    while true {
      guard let line = reader.next() else { throw failure("the armor ends without \(end)") }
      if line.elementsEqual(end.utf8) { break }
      guard !line.isEmpty else { throw failure("empty line in the armored data") }
      guard line.count <= AgeHeader.columns else { throw failure("a line exceeds 64 columns") }
      guard let decoded = AgeBase64.decodePadded(line) else {
        throw failure("a line is not canonical padded base64")
      }
      binary += decoded
      if decoded.count < AgeHeader.bytesPerLine {
        guard let closing = reader.next(), closing.elementsEqual(end.utf8) else {
          throw failure("a short line is not followed by \(end)")
        }
        break
      }
    }
    let rest = file[reader.position...]
    guard rest.allSatisfy(isSpace) else { throw failure("data follows the armored file") }
    guard rest.count < maxWhitespace else { throw failure("too much trailing whitespace") }
    return binary
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0b || byte == 0x0c
  }

  private static func failure(_ what: String) -> AgeError {
    AgeError(.armor, "invalid age armor: \(what)")
  }
}

/// Lines of an armored file: split at `\n`, one trailing `\r` removed; a final piece without
/// `\n` counts as a line.
private struct ArmorLines {
  let bytes: [UInt8]
  var position = 0

  mutating func next() -> ArraySlice<UInt8>? {
    guard position < bytes.count else { return nil }
    let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    var line = bytes[position..<end]
    position = min(end + 1, bytes.count)
    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
    return line
  }
}
