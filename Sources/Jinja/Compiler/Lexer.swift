/// Splits template text (UTF-8 bytes) into data and tag tokens, applying whitespace control.
struct Lexer {
  let bytes: [UInt8]
  let options: TemplateOptions
  let lines: LineTable
  var tokens: [Token] = []
  var pos: Int
  let end: Int

  /// Lexes `bytes[start...]` (the part after a `#jinja2:` header) with `options`.
  init(bytes: [UInt8], start: Int, options: TemplateOptions, lines: LineTable) {
    self.bytes = bytes
    self.options = options
    self.lines = lines
    self.pos = start
    var end = bytes.count
    if !options.keepTrailingNewline, end > start, bytes[end - 1] == Ascii.newline { end -= 1 }
    self.end = end
  }

  /// All tokens, ending with `.eof`.
  mutating func tokenize() throws -> [Token] {
    tokens.reserveCapacity((end - pos) / 8 + 4)
    let start = pos
    while pos < end {
      guard let tagStart = findTagStart(from: pos) else {
        emitData(pos, end)
        pos = end
        break
      }
      try lexTag(at: tagStart, lineStarting: pos == start || bytes[pos - 1] == Ascii.newline)
    }
    tokens.append(Token(kind: .eof, text: "", offset: end, length: 0))
    return tokens
  }

  private func findTagStart(from start: Int) -> Int? {
    var index = start
    while index + 1 < end {
      if bytes[index] == Ascii.braceOpen {
        let next = bytes[index + 1]
        if next == Ascii.braceOpen || next == Ascii.percent || next == Ascii.hash { return index }
      }
      index += 1
    }
    return nil
  }

  private mutating func lexTag(at tagStart: Int, lineStarting: Bool) throws {
    let kindByte = bytes[tagStart + 1]
    var afterOpen = tagStart + 2
    var sign: UInt8 = 0
    if afterOpen < end, bytes[afterOpen] == Ascii.minus || bytes[afterOpen] == Ascii.plus {
      sign = bytes[afterOpen]
      afterOpen += 1
    }
    let textEnd = strippedTextEnd(
      pos, tagStart, sign: sign, isVariable: kindByte == Ascii.braceOpen,
      lineStarting: lineStarting)
    emitData(pos, textEnd)
    switch kindByte {
    case Ascii.hash: try lexComment(tagStart, afterOpen)
    case Ascii.percent:
      if let rawEnd = matchRawBegin(afterOpen) {
        try lexRaw(tagStart, rawEnd)
      } else {
        tokens.append(
          Token(kind: .blockBegin, text: "", offset: tagStart, length: afterOpen - tagStart))
        pos = afterOpen
        try lexInsideTag(isBlock: true, openOffset: tagStart)
      }
    default:
      tokens.append(
        Token(kind: .variableBegin, text: "", offset: tagStart, length: afterOpen - tagStart))
      pos = afterOpen
      try lexInsideTag(isBlock: false, openOffset: tagStart)
    }
  }

  /// Where the data before a tag ends after `-` stripping or `lstrip_blocks`.
  private func strippedTextEnd(
    _ start: Int, _ tagStart: Int, sign: UInt8, isVariable: Bool, lineStarting: Bool
  ) -> Int {
    if sign == Ascii.minus {
      var index = tagStart
      while index > start, Ascii.isWhitespace(bytes[index - 1]) { index -= 1 }
      return index
    }
    guard sign != Ascii.plus, options.lstripBlocks, !isVariable else { return tagStart }
    var lineStart = tagStart
    while lineStart > start, bytes[lineStart - 1] != Ascii.newline { lineStart -= 1 }
    guard lineStart > start || lineStarting else { return tagStart }
    for index in lineStart..<tagStart where !Ascii.isWhitespace(bytes[index]) { return tagStart }
    return lineStart
  }

  private mutating func emitData(_ start: Int, _ stop: Int) {
    guard stop > start else { return }
    var text = String(decoding: bytes[start..<stop], as: UTF8.self)
    if options.newlineSequence != "\n", text.utf8.contains(Ascii.newline) {
      text = text.split(separator: "\n", omittingEmptySubsequences: false).joined(
        separator: options.newlineSequence)
    }
    tokens.append(Token(kind: .data, text: text, offset: start, length: stop - start))
  }

  private mutating func lexComment(_ tagStart: Int, _ afterOpen: Int) throws {
    var index = afterOpen
    while index + 1 < end {
      if bytes[index] == Ascii.hash && bytes[index + 1] == Ascii.braceClose {
        let marker = index > afterOpen ? bytes[index - 1] : 0
        pos = index + 2
        finishBlockEnd(sign: marker)
        return
      }
      index += 1
    }
    throw JinjaError(
      .syntax, "missing end of comment tag '#}'", span: lines.span(tagStart, 2),
      hint: "close the comment with '#}'")
  }

  /// After a block or comment end at `pos`: `-` strips whitespace, `+` keeps it, else trim_blocks.
  private mutating func finishBlockEnd(sign: UInt8) {
    if sign == Ascii.minus {
      while pos < end, Ascii.isWhitespace(bytes[pos]) { pos += 1 }
    } else if sign != Ascii.plus, options.trimBlocks, pos < end, bytes[pos] == Ascii.newline {
      pos += 1
    }
  }

  /// If `{%` at `afterOpen` continues as `raw %}`, the offset after the tag.
  private func matchRawBegin(_ afterOpen: Int) -> Int? {
    var index = skipSpaces(afterOpen)
    guard matchWord("raw", at: index) else { return nil }
    index = skipSpaces(index + 3)
    if index + 2 < end, bytes[index] == Ascii.minus, bytes[index + 1] == Ascii.percent,
      bytes[index + 2] == Ascii.braceClose
    {
      var after = index + 3
      while after < end, Ascii.isWhitespace(bytes[after]) { after += 1 }
      return after
    }
    if index + 1 < end, bytes[index] == Ascii.percent, bytes[index + 1] == Ascii.braceClose {
      return index + 2
    }
    return nil
  }

  private mutating func lexRaw(_ tagStart: Int, _ contentStart: Int) throws {
    var index = contentStart
    while let candidate = findBlockStart(from: index) {
      var after = candidate + 2
      var sign: UInt8 = 0
      if after < end, bytes[after] == Ascii.minus || bytes[after] == Ascii.plus {
        sign = bytes[after]
        after += 1
      }
      var word = skipSpaces(after)
      if matchWord("endraw", at: word) {
        word = skipSpaces(word + 6)
        var closeSign: UInt8 = 0
        if word < end, bytes[word] == Ascii.minus || bytes[word] == Ascii.plus {
          closeSign = bytes[word]
          word += 1
        }
        if word + 1 < end, bytes[word] == Ascii.percent, bytes[word + 1] == Ascii.braceClose {
          let textEnd = strippedTextEnd(
            contentStart, candidate, sign: sign, isVariable: false,
            lineStarting: contentStart > 0 && bytes[contentStart - 1] == Ascii.newline)
          emitData(contentStart, textEnd)
          pos = word + 2
          finishBlockEnd(sign: closeSign)
          return
        }
      }
      index = candidate + 2
    }
    throw JinjaError(
      .syntax, "missing end of raw directive", span: lines.span(tagStart, 2),
      hint: "close the block with '{% endraw %}'")
  }

  private func findBlockStart(from start: Int) -> Int? {
    var index = start
    while index + 1 < end {
      if bytes[index] == Ascii.braceOpen && bytes[index + 1] == Ascii.percent { return index }
      index += 1
    }
    return nil
  }

  private func skipSpaces(_ start: Int) -> Int {
    var index = start
    while index < end, Ascii.isWhitespace(bytes[index]) { index += 1 }
    return index
  }

  private func matchWord(_ word: String, at start: Int) -> Bool {
    let utf8 = Array(word.utf8)
    let count = utf8.count
    guard start + count <= end else { return false }
    for offset in 0..<count where bytes[start + offset] != utf8[offset] { return false }
    let after = start + count
    return after >= end || !Ascii.isNameContinue(bytes[after])
  }

  private mutating func lexInsideTag(isBlock: Bool, openOffset: Int) throws {
    var balance: [UInt8] = []
    while true {
      while pos < end, Ascii.isWhitespace(bytes[pos]) { pos += 1 }
      guard pos < end else {
        throw JinjaError(
          .syntax, "unexpected end of template: the tag is not closed",
          span: lines.span(openOffset, 2),
          hint: isBlock ? "close the tag with '%}'" : "close the expression with '}}'")
      }
      if balance.isEmpty, try matchTagEnd(isBlock: isBlock) { return }
      try lexExpressionToken(&balance)
    }
  }

  /// Consumes `%}`/`-%}`/`+%}` (blocks) or `}}`/`-}}` (variables) at `pos`, if present.
  private mutating func matchTagEnd(isBlock: Bool) throws -> Bool {
    let closer = isBlock ? Ascii.percent : Ascii.braceClose
    var index = pos
    var sign: UInt8 = 0
    if bytes[index] == Ascii.minus || (isBlock && bytes[index] == Ascii.plus) {
      sign = bytes[index]
      index += 1
    }
    guard index + 1 < end, bytes[index] == closer, bytes[index + 1] == Ascii.braceClose else {
      return false
    }
    tokens.append(
      Token(
        kind: isBlock ? .blockEnd : .variableEnd, text: "", offset: pos, length: index + 2 - pos))
    pos = index + 2
    if isBlock {
      finishBlockEnd(sign: sign)
    } else if sign == Ascii.minus {
      while pos < end, Ascii.isWhitespace(bytes[pos]) { pos += 1 }
    }
    return true
  }
}
