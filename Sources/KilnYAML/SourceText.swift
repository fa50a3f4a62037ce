/// Line-oriented look-ups in the raw input, used only on error paths.
struct SourceText {
  let bytes: UnsafeBufferPointer<UInt8>

  /// The byte range of 1-based line `line` (without its line break), if the input has it.
  func lineRange(_ line: Int) -> Range<Int>? {
    guard line >= 1 else { return nil }
    var current = 1
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        if current == line { return start..<index }
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        current += 1
        start = index + 1
      }
      index += 1
    }
    return current == line ? start..<bytes.count : nil
  }

  /// The 1-based column of the first tab in the leading whitespace of `line`, if any.
  func tabInIndentation(line: Int) -> Int? {
    guard let range = lineRange(line) else { return nil }
    for index in range {
      switch bytes[index] {
      case 0x20: continue
      case 0x09: return index - range.lowerBound + 1
      default: return nil
      }
    }
    return nil
  }

  /// The Unicode scalar at 1-based `line` and `column`, if it is there.
  func character(line: Int, column: Int) -> Unicode.Scalar? {
    guard let range = lineRange(line), column >= 1 else { return nil }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    let scalars = Array(text.unicodeScalars.prefix(column))
    return scalars.count == column ? scalars[column - 1] : nil
  }

  /// The 1-based line and column (in Unicode scalars) of a byte offset.
  func mark(ofByte offset: Int) -> Mark {
    var line = 1
    var column = 1
    var index = 0
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 && byte != 0x0D {
        column += 1
      }
      index += 1
    }
    return Mark(line: line, column: column)
  }
}
