import Foundation

/// A parsed JSON value that keeps object members in document order.
enum OrderedJSON: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([OrderedJSON])
  case object([(String, OrderedJSON)])

  static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The member `key` of an object, or nil.
  subscript(key: String) -> OrderedJSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// The string payload, or nil.
  var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The array payload, or nil.
  var array: [OrderedJSON]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// Parses a complete JSON document.
  static func parse(_ data: Data) throws -> OrderedJSON {
    var parser = OrderedJSONParser(bytes: Array(data))
    return try parser.parseDocument()
  }
}

/// A JSON syntax error with the byte offset where it was found.
struct OrderedJSONError: Error, CustomStringConvertible {
  var offset: Int
  var message: String
  var description: String { "JSON error at byte \(offset): \(message)" }
}

/// A recursive-descent parser over UTF-8 bytes (RFC 8259).
struct OrderedJSONParser {
  let bytes: [UInt8]
  var position = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func parseDocument() throws -> OrderedJSON {
    let value = try parseValue()
    skipWhitespace()
    guard position == bytes.count else { throw fail("trailing characters") }
    return value
  }

  private func fail(_ message: String) -> OrderedJSONError {
    OrderedJSONError(offset: position, message: message)
  }

  private mutating func skipWhitespace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
      position += 1
    }
  }

  private mutating func parseValue() throws -> OrderedJSON {
    skipWhitespace()
    guard position < bytes.count else { throw fail("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    default: return try parseNumber()
    }
  }

  private mutating func parseLiteral(_ word: String, _ value: OrderedJSON) throws -> OrderedJSON {
    let expected = Array(word.utf8)
    guard position + expected.count <= bytes.count,
      Array(bytes[position..<position + expected.count]) == expected
    else { throw fail("expected \(word)") }
    position += expected.count
    return value
  }

  private mutating func parseObject() throws -> OrderedJSON {
    position += 1
    var members: [(String, OrderedJSON)] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw fail("expected a member name")
      }
      let key = try parseString()
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
        throw fail("expected ':'")
      }
      position += 1
      members.append((key, try parseValue()))
      skipWhitespace()
      guard position < bytes.count else { throw fail("unterminated object") }
      position += 1
      if bytes[position - 1] == UInt8(ascii: "}") { return .object(members) }
      guard bytes[position - 1] == UInt8(ascii: ",") else { throw fail("expected ',' or '}'") }
    }
  }

  private mutating func parseArray() throws -> OrderedJSON {
    position += 1
    var items: [OrderedJSON] = []
    skipWhitespace()
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      items.append(try parseValue())
      skipWhitespace()
      guard position < bytes.count else { throw fail("unterminated array") }
      position += 1
      if bytes[position - 1] == UInt8(ascii: "]") { return .array(items) }
      guard bytes[position - 1] == UInt8(ascii: ",") else { throw fail("expected ',' or ']'") }
    }
  }

  private mutating func parseNumber() throws -> OrderedJSON {
    let start = position
    var isInteger = true
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        isInteger = false
      } else if !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")))
      {
        break
      }
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw fail("bad number '\(text)'") }
    return .double(value)
  }

  private mutating func parseString() throws -> String {
    position += 1
    var scalars = String.UnicodeScalarView()
    var run: [UInt8] = []
    func flush() {
      scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
      run.removeAll()
    }
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\"") {
        flush()
        return String(scalars)
      }
      guard byte == UInt8(ascii: "\\") else {
        run.append(byte)
        continue
      }
      flush()
      scalars.append(try parseEscape())
    }
    throw fail("unterminated string")
  }

  private mutating func parseEscape() throws -> Unicode.Scalar {
    guard position < bytes.count else { throw fail("unterminated escape") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""): return "\""
    case UInt8(ascii: "\\"): return "\\"
    case UInt8(ascii: "/"): return "/"
    case UInt8(ascii: "b"): return "\u{08}"
    case UInt8(ascii: "f"): return "\u{0C}"
    case UInt8(ascii: "n"): return "\n"
    case UInt8(ascii: "r"): return "\r"
    case UInt8(ascii: "t"): return "\t"
    case UInt8(ascii: "u"): return try parseUnicodeEscape()
    default: throw fail("bad escape")
    }
  }

  private mutating func parseHex4() throws -> UInt32 {
    guard position + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
    else { throw fail("bad \\u escape") }
    position += 4
    return value
  }

  private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
    let high = try parseHex4()
    if (0xD800...0xDBFF).contains(high), position + 1 < bytes.count,
      bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
    {
      position += 2
      let low = try parseHex4()
      let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      if let scalar = Unicode.Scalar(combined) { return scalar }
    }
    return Unicode.Scalar(high) ?? "\u{FFFD}"
  }
}
