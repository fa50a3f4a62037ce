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

extension SourceText {
  /// The 1-based column of the first character of `line` that is not a space, or nil for a
  /// blank or comment-only line.
  func contentColumn(line: Int) -> Int? {
    guard let range = lineRange(line) else { return nil }
    for index in range where bytes[index] != 0x20 && bytes[index] != 0x09 {
      return bytes[index] == UInt8(ascii: "#") ? nil : index - range.lowerBound + 1
    }
    return nil
  }

  /// The nearest line before `line` that holds content (not blank, not only a comment).
  func previousContentLine(before line: Int) -> Int? {
    var candidate = line - 1
    while candidate >= 1 {
      if contentColumn(line: candidate) != nil { return candidate }
      candidate -= 1
    }
    return nil
  }

  /// Whether `line` reads `key: value` with the value on the same line.
  func hasInlineValue(line: Int) -> Bool {
    guard let range = lineRange(line) else { return false }
    var index = range.lowerBound
    while index + 2 < range.upperBound {
      if bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == 0x20 {
        var next = index + 1
        while next < range.upperBound, bytes[next] == 0x20 { next += 1 }
        return next < range.upperBound && bytes[next] != UInt8(ascii: "#")
      }
      index += 1
    }
    return false
  }

  /// Facts about the lines around a problem that tell indentation mistakes apart.
  func layout(around mark: Mark) -> ProblemLayout {
    var layout = ProblemLayout()
    guard let column = contentColumn(line: mark.line) else { return layout }
    layout.textBeforeOnLine = mark.column > column
    layout.contentColumn = column
    if let previous = previousContentLine(before: mark.line),
      let previousColumn = contentColumn(line: previous), previousColumn < column,
      hasInlineValue(line: previous)
    {
      layout.indentedUnderValueLine = previous
      layout.keyColumn = previousColumn
    }
    return layout
  }
}

/// Where a problem sits relative to the lines around it.
struct ProblemLayout {
  /// Whether the problem follows other text on its line (rather than starting the line).
  var textBeforeOnLine = false
  /// The earlier `key: value` line that this line is indented under, if it is.
  var indentedUnderValueLine: Int?
  /// The column of that earlier line's key.
  var keyColumn: Int?
  /// The column where the problem line's content starts.
  var contentColumn: Int?
}
