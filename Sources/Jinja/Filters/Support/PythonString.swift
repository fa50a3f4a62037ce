/// Python `str` methods over Swift strings, counting Unicode scalars as Python counts characters.
enum PythonString {
  /// `str.capitalize()`.
  static func capitalize(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst().lowercased()
  }

  /// `str.center(width)`: Python puts the odd padding character on the left when width is odd.
  static func center(_ text: String, width: Int, fill: String = " ") -> String {
    let length = text.unicodeScalars.count
    guard width > length else { return text }
    let margin = width - length
    let left = margin / 2 + (margin & width & 1)
    return String(repeating: fill, count: left) + text
      + String(repeating: fill, count: margin - left)
  }

  /// Python's whitespace for `strip()` and `split()`.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      return true
    default: return false
    }
  }

  /// `str.strip(chars)`, `lstrip` or `rstrip`.
  static func strip(_ text: String, _ chars: String?, left: Bool, right: Bool) -> String {
    let set = chars.map { Set($0.unicodeScalars) }
    let shouldStrip: (Unicode.Scalar) -> Bool = { set?.contains($0) ?? isSpace($0) }
    var scalars = Substring(text).unicodeScalars[...]
    if left { while let first = scalars.first, shouldStrip(first) { scalars.removeFirst() } }
    if right { while let last = scalars.last, shouldStrip(last) { scalars.removeLast() } }
    return String(String.UnicodeScalarView(scalars))
  }

  /// `str.replace(old, new, count)`; an empty `old` inserts `new` between characters.
  static func replace(_ text: String, _ old: String, _ new: String, count: Int) -> String {
    if old.isEmpty {
      var output = ""
      var done = 0
      for scalar in text.unicodeScalars {
        if count < 0 || done < count {
          output += new
          done += 1
        }
        output.unicodeScalars.append(scalar)
      }
      if count < 0 || done < count { output += new }
      return output
    }
    let parts = split(text, by: old)
    if count < 0 || parts.count - 1 <= count { return parts.joined(separator: new) }
    return parts.prefix(count + 1).joined(separator: new) + old
      + parts.dropFirst(count + 1).joined(separator: old)
  }

  /// Splits at every occurrence of a non-empty `separator`, comparing Unicode scalars.
  static func split(_ text: String, by separator: String) -> [String] {
    let source = Array(text.unicodeScalars)
    let pattern = Array(separator.unicodeScalars)
    var parts: [String] = []
    var current = String.UnicodeScalarView()
    var index = 0
    while index < source.count {
      if index + pattern.count <= source.count,
        source[index..<(index + pattern.count)].elementsEqual(pattern)
      {
        parts.append(String(current))
        current = String.UnicodeScalarView()
        index += pattern.count
      } else {
        current.append(source[index])
        index += 1
      }
    }
    parts.append(String(current))
    return parts
  }

  /// `str.split(sep, maxsplit)`; with no separator, splits at whitespace runs.
  static func split(_ text: String, _ separator: String?, maxSplit: Int, _ context: CallContext)
    throws -> [String]
  {
    if let separator {
      guard !separator.isEmpty else { throw context.error("empty separator", kind: .filter) }
      let parts = split(text, by: separator)
      if maxSplit < 0 || parts.count - 1 <= maxSplit { return parts }
      return Array(parts.prefix(maxSplit))
        + [parts.dropFirst(maxSplit).joined(separator: separator)]
    }
    var parts: [String] = []
    var scalars = Substring(text).unicodeScalars[...]
    while true {
      while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
      if scalars.isEmpty { break }
      if maxSplit >= 0, parts.count == maxSplit {
        parts.append(String(String.UnicodeScalarView(scalars)))
        break
      }
      let end = scalars.firstIndex(where: isSpace) ?? scalars.endIndex
      parts.append(String(String.UnicodeScalarView(scalars[..<end])))
      scalars = scalars[end...]
    }
    return parts
  }

  /// `str.rsplit(sep, maxsplit)`.
  static func rsplit(_ text: String, _ separator: String?, maxSplit: Int, _ context: CallContext)
    throws -> [String]
  {
    if maxSplit < 0 { return try split(text, separator, maxSplit: -1, context) }
    let reversed = String(String.UnicodeScalarView(text.unicodeScalars.reversed()))
    let reversedSeparator = separator.map {
      String(String.UnicodeScalarView($0.unicodeScalars.reversed()))
    }
    return try split(reversed, reversedSeparator, maxSplit: maxSplit, context).reversed().map {
      String(String.UnicodeScalarView($0.unicodeScalars.reversed()))
    }
  }

  /// `str.splitlines()`: splits at `\n`, `\r\n`, `\r` and Python's other line boundaries.
  static func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar.value {
      case 0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
        lines.append(String(current))
        current = String.UnicodeScalarView()
      case 0x0D:
        if scalars.first == "\n" { scalars.removeFirst() }
        lines.append(String(current))
        current = String.UnicodeScalarView()
      default:
        current.append(scalar)
      }
    }
    if !current.isEmpty { lines.append(String(current)) }
    return lines
  }
}
