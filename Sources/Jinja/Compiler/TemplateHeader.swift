/// The `#jinja2: key: value, ...` first line that overrides whitespace options (Ansible).
enum TemplateHeader {
  static let prefix = Array("#jinja2:".utf8)

  /// Parses a header at the start of `bytes`; returns the options and where the template starts.
  static func parse(_ bytes: [UInt8], options: TemplateOptions, lines: LineTable) throws
    -> (TemplateOptions, Int)
  {
    guard bytes.starts(with: prefix) else { return (options, 0) }
    guard let newline = bytes.firstIndex(of: Ascii.newline) else {
      throw JinjaError(
        .syntax, "missing newline after the '#jinja2:' header", span: lines.span(0, prefix.count),
        hint: "end the header line with a newline")
    }
    var result = options
    let line = String(decoding: bytes[prefix.count..<newline], as: UTF8.self)
    for pair in line.split(separator: ",", omittingEmptySubsequences: false) {
      let span = lines.span(0, newline)
      guard !pair.allSatisfy(\.isWhitespace) else {
        throw JinjaError(.syntax, "empty '#jinja2:' override pair", span: span)
      }
      guard let colon = pair.firstIndex(of: ":") else {
        throw JinjaError(
          .syntax, "missing ':' in '#jinja2:' override pair '\(pair)'", span: span,
          hint: "write pairs as 'key: value'")
      }
      let key = pair[..<colon].trimmingCharacters(in: " \t")
      let value = pair[pair.index(after: colon)...].trimmingCharacters(in: " \t")
      try apply(key, literal: value, to: &result, span)
    }
    return (result, newline + 1)
  }

  private static func apply(
    _ key: String, literal: String, to options: inout TemplateOptions, _ span: SourceSpan
  ) throws {
    if key == "newline_sequence" {
      let bytes = Array(literal.utf8)
      guard bytes.count >= 2, let quote = bytes.first, quote == bytes.last,
        quote == Ascii.singleQuote || quote == Ascii.doubleQuote
      else {
        throw JinjaError(
          .syntax, "'#jinja2:' newline_sequence must be a string literal, not \(literal)",
          span: span)
      }
      let sequence = Lexer.decodeEscapes(bytes[1..<(bytes.count - 1)])
      guard ["\n", "\r\n", "\r"].contains(sequence) else {
        throw JinjaError(
          .syntax, "'#jinja2:' newline_sequence must be '\\n', '\\r\\n' or '\\r'", span: span)
      }
      options.newlineSequence = sequence
      return
    }
    let flag: Bool
    switch literal {
    case "True": flag = true
    case "False": flag = false
    default:
      throw JinjaError(
        .syntax, "'#jinja2:' override '\(key)' must be True or False, not \(literal)", span: span,
        hint: "write Python literals: True or False")
    }
    switch key {
    case "trim_blocks": options.trimBlocks = flag
    case "lstrip_blocks": options.lstripBlocks = flag
    case "keep_trailing_newline": options.keepTrailingNewline = flag
    default:
      throw JinjaError(
        .syntax, "invalid '#jinja2:' override key '\(key)'", span: span,
        hint: "supported keys: trim_blocks, lstrip_blocks, keep_trailing_newline, newline_sequence")
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var text = self
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return String(text)
  }
}
