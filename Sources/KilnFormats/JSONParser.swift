import KilnDiagnostics

/// A parsed JSON document: the value and where each of its values starts, by JSON Pointer.
public struct JSONDocument: Sendable {
  /// The root value.
  public var value: JSONValue
  /// Source location of every value, keyed by its JSON Pointer (`""` is the root).
  public var locations: [String: SourceLocation]
  /// The file the document was read from.
  public var file: String

  /// Where the value at `pointer` starts, or the whole file when unknown.
  public func location(of pointer: String) -> SourceLocation {
    locations[pointer] ?? .file(file)
  }
}

/// An RFC 8259 JSON parser that keeps member order and reports errors with line and column.
public enum JSONParser {
  /// Deepest nesting accepted, so that hostile input cannot exhaust the stack.
  public static let maximumDepth = 256

  /// Parses `bytes` as one JSON text.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError)
    -> JSONDocument
  {
    var cursor = JSONCursor(scalars: try SourceLines.decode(bytes, file: file), file: file)
    cursor.skipWhitespace()
    let value = try cursor.value(pointer: "", depth: 0)
    cursor.skipWhitespace()
    if cursor.peek != nil {
      throw cursor.error(
        "expected the end of the document after the JSON value",
        hint: "remove the extra text, or wrap several values in an array")
    }
    return JSONDocument(value: value, locations: cursor.locations, file: file)
  }
}

/// The parser's position in the text.
private struct JSONCursor: ScalarScanning {
  let scalars: [Unicode.Scalar]
  let file: String
  var index = 0
  var line = 1
  var column = 1
  var locations: [String: SourceLocation] = [:]

  init(scalars: [Unicode.Scalar], file: String) {
    self.scalars = scalars
    self.file = file
  }

  mutating func skipWhitespace() {
    while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
  }

  func error(_ message: String, hint: String) -> DiagnosticsError {
    FormatDiagnostics.error(FormatDiagnostics.jsonSyntax, message, at: here, hint: hint)
  }

  func found() -> String {
    guard let c = peek else { return "the end of the file" }
    return "'\(String(scalars: [c]).debugDescription.dropFirst().dropLast())'"
  }

  mutating func value(pointer: String, depth: Int) throws(DiagnosticsError) -> JSONValue {
    guard depth < JSONParser.maximumDepth else {
      throw error(
        "nesting deeper than \(JSONParser.maximumDepth) levels", hint: "flatten the document")
    }
    locations[pointer] = here
    switch peek {
    case "{": return try object(pointer: pointer, depth: depth)
    case "[": return try array(pointer: pointer, depth: depth)
    case "\"": return .string(try string())
    case "t": return try literal("true", .bool(true))
    case "f": return try literal("false", .bool(false))
    case "n": return try literal("null", .null)
    case let c? where c == "-" || ("0"..."9").contains(c): return try number()
    default:
      throw error(
        "expected a JSON value, found \(found())",
        hint: "write an object, array, string, number, true, false or null")
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(DiagnosticsError) -> JSONValue {
    for expected in word.unicodeScalars {
      guard peek == expected else {
        throw error("expected '\(word)', found \(found())", hint: "check the spelling")
      }
      advance()
    }
    return value
  }

  mutating func object(pointer: String, depth: Int) throws(DiagnosticsError) -> JSONValue {
    advance()
    var members: [JSONMember] = []
    var seen: [String: SourceLocation] = [:]
    skipWhitespace()
    if peek == "}" {
      advance()
      return .object([])
    }
    while true {
      skipWhitespace()
      guard peek == "\"" else {
        throw error(
          "expected a member name in double quotes, found \(found())",
          hint: "quote the name; JSON allows no trailing comma")
      }
      let keyLocation = here
      let key = try string()
      let identity = String(decoding: Array(key.utf8), as: UTF8.self)
      if let first = seen[identity] {
        throw FormatDiagnostics.error(
          FormatDiagnostics.jsonSyntax, "duplicate member name '\(key)' (first at \(first))",
          at: keyLocation, hint: "remove one of the two members")
      }
      seen[identity] = keyLocation
      skipWhitespace()
      guard peek == ":" else {
        throw error(
          "expected ':' after the member name, found \(found())",
          hint: "write \"name\": value")
      }
      advance()
      skipWhitespace()
      let child = pointer + "/" + JSONPointer.escape(key)
      members.append(JSONMember(key, try value(pointer: child, depth: depth + 1)))
      skipWhitespace()
      if peek == "," {
        advance()
      } else if peek == "}" {
        advance()
        return .object(members)
      } else {
        throw error(
          "expected ',' or '}' after the member, found \(found())",
          hint: "separate members with ',' and close the object with '}'")
      }
    }
  }

  mutating func array(pointer: String, depth: Int) throws(DiagnosticsError) -> JSONValue {
    advance()
    var items: [JSONValue] = []
    skipWhitespace()
    if peek == "]" {
      advance()
      return .array([])
    }
    while true {
      skipWhitespace()
      items.append(try value(pointer: "\(pointer)/\(items.count)", depth: depth + 1))
      skipWhitespace()
      if peek == "," {
        advance()
      } else if peek == "]" {
        advance()
        return .array(items)
      } else {
        throw error(
          "expected ',' or ']' after the array element, found \(found())",
          hint: "separate elements with ',' and close the array with ']'")
      }
    }
  }

  mutating func number() throws(DiagnosticsError) -> JSONValue {
    let start = index
    if peek == "-" { advance() }
    guard let first = peek, ("0"..."9").contains(first) else {
      throw error("expected a digit, found \(found())", hint: "write a number such as -1 or 2.5")
    }
    advance()
    if first != "0" { digits() }
    if peek == "." {
      advance()
      try requireDigit()
    }
    if peek == "e" || peek == "E" {
      advance()
      if peek == "+" || peek == "-" { advance() }
      try requireDigit()
    }
    return .number(String(scalars: scalars[start..<index]))
  }

  mutating func digits() {
    while let c = peek, ("0"..."9").contains(c) { advance() }
  }

  mutating func requireDigit() throws(DiagnosticsError) {
    guard let c = peek, ("0"..."9").contains(c) else {
      throw error("expected a digit, found \(found())", hint: "write a number such as 1.5e3")
    }
    digits()
  }

  mutating func string() throws(DiagnosticsError) -> String {
    advance()
    var result = String.UnicodeScalarView()
    while true {
      guard let c = peek else {
        throw error(
          "expected '\"' to close the string, found the end of the file",
          hint: "close the string with a double quote")
      }
      if c == "\"" {
        advance()
        return String(result)
      }
      if c.value < 0x20 {
        throw error(
          "expected '\"' or text, found a control character in the string",
          hint: "write line breaks and tabs as \\n and \\t")
      }
      advance()
      if c == "\\" {
        result.append(try escape())
      } else {
        result.append(c)
      }
    }
  }

  mutating func escape() throws(DiagnosticsError) -> Unicode.Scalar {
    guard let c = peek else {
      throw error(
        "expected an escape character, found the end of the file",
        hint: "use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }
    let simple: [Unicode.Scalar: Unicode.Scalar] = [
      "\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r",
      "t": "\t",
    ]
    if let mapped = simple[c] {
      advance()
      return mapped
    }
    guard c == "u" else {
      throw error(
        "expected a valid escape, found \(found())",
        hint: "use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
    }
    advance()
    let high = try hex4()
    if (0xD800..<0xDC00).contains(high), peek == "\\" {
      let saved = (index, line, column)
      advance()
      if peek == "u" {
        advance()
        let low = try hex4()
        if (0xDC00..<0xE000).contains(low),
          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        {
          return scalar
        }
      }
      (index, line, column) = saved
    }
    guard let scalar = Unicode.Scalar(high) else {
      throw error(
        "expected a Unicode scalar, found a lone surrogate \\u escape",
        hint: "write the character itself, or a valid surrogate pair")
    }
    return scalar
  }

  mutating func hex4() throws(DiagnosticsError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let c = peek, c.isASCII, c != "+", c != "-",
        let digit = UInt32(String(c), radix: 16)
      else {
        throw error(
          "expected four hexadecimal digits after \\u, found \(found())",
          hint: "write \\u followed by four hex digits, e.g. \\u00e9")
      }
      value = value * 16 + digit
      advance()
    }
    return value
  }
}
