import KilnDiagnostics

/// Parameter values as fluentd's v1 parser reads them: unquoted text ends at a `#` that
/// follows a space or tab (a comment); `"…"` and `'…'` values are unescaped.
enum FluentdValue {
  /// The value of a parameter line's remainder (already stripped).
  static func read(_ text: ArraySlice<Unicode.Scalar>, at: (Int) -> SourceLocation)
    throws(DiagnosticsError) -> String
  {
    guard let quote = text.first, quote == "\"" || quote == "'" else {
      return String(scalars: unquoted(text))
    }
    var result = String.UnicodeScalarView()
    var index = text.startIndex + 1
    while index < text.endIndex {
      let c = text[index]
      if c == quote {
        let rest = PythonWhitespace.strip(text[(index + 1)...])
        guard rest.isEmpty || rest.first == "#" else {
          throw FluentdParser.syntax(
            "expected the end of the line after the closing quote", at: at(index + 1),
            hint: "put nothing but a comment after a quoted value")
        }
        return String(result)
      }
      if quote == "'", c == "\\", index + 1 < text.endIndex,
        text[index + 1] == "'" || text[index + 1] == "\\"
      {
        index += 1
        result.append(text[index])
      } else if quote == "\"", c == "\\", index + 1 < text.endIndex {
        index += 1
        result.append(try escaped(text[index], at: at(index - 1)))
      } else if quote == "\"", c == "#", index + 1 < text.endIndex, text[index + 1] == "{" {
        throw FluentdParser.syntax(
          "embedded Ruby code (\"#{…}\") is not supported", at: at(index),
          hint: "write the value itself, or escape the '#' as '\\#'")
      } else {
        result.append(c)
      }
      index += 1
    }
    throw FluentdParser.syntax(
      "expected \(quote) to close the quoted value on this line", at: at(text.startIndex),
      hint: "close the quote; multi-line quoted values are not supported")
  }

  /// The escape `\c` inside a double-quoted value.
  static func escaped(_ c: Unicode.Scalar, at location: SourceLocation)
    throws(DiagnosticsError) -> Unicode.Scalar
  {
    let map: [Unicode.Scalar: Unicode.Scalar] = [
      "r": "\r", "n": "\n", "t": "\t", "f": "\u{0C}", "b": "\u{08}",
    ]
    if let mapped = map[c] { return mapped }
    if c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) {
      throw FluentdParser.syntax(
        "unexpected escape '\\\(Character(c))' in a double-quoted value", at: location,
        hint: "use \\n, \\t, \\r, \\f, \\b, or a backslash before a symbol")
    }
    return c
  }

  /// Unquoted text up to a comment (a `#` after a space or tab; a leading `#` is text),
  /// right-stripped.
  static func unquoted(_ text: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "#",
        index > text.startIndex, text[index - 1] == " " || text[index - 1] == "\t"
      {
        return PythonWhitespace.rstrip(text[text.startIndex..<index])
      }
      index += 1
    }
    return text
  }

  /// `value` as written in a parameter line: raw when it reads back unchanged, otherwise as a
  /// Fluentd double-quoted string (the common backslash escapes and `\#`, which would otherwise
  /// start an embedded `#{…}`).
  static func written(_ value: String) -> String {
    let scalars = Array(value.unicodeScalars)
    let plain =
      unquoted(scalars[...]).count == scalars.count && scalars.first != "\""
      && scalars.first != "'" && scalars.first.map { !PythonWhitespace.contains($0) } ?? true
      && scalars.last.map { !PythonWhitespace.contains($0) } ?? true
      && !scalars.contains { $0 == "\n" || $0 == "\r" }
    guard !plain else { return value }
    var result = "\""
    for c in value.unicodeScalars {
      if let short = BackslashEscape.common(c) {
        result += short
      } else if c == "#" {
        result += "\\#"
      } else {
        result.unicodeScalars.append(c)
      }
    }
    return result + "\""
  }
}
