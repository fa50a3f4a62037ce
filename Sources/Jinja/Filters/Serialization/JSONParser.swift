/// Python's `json.loads` into template values, keeping object key order (`from_json`).
struct JSONParser {
  /// Malformed JSON, with the offset where parsing stopped.
  struct Failure: Error {
    /// What was expected and where.
    var message: String
  }

  private let scalars: [Unicode.Scalar]
  private var position = 0

  /// Parses one JSON document (surrounding whitespace allowed).
  static func parse(_ text: String) throws(Failure) -> Value {
    var parser = JSONParser(scalars: Array(text.unicodeScalars))
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.position == parser.scalars.count else { throw parser.failure("Extra data") }
    return value
  }

  private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

  private func failure(_ what: String) -> Failure {
    Failure(message: "\(what): char \(position)")
  }

  private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private mutating func skipWhitespace() {
    while let scalar = current, " \t\n\r".unicodeScalars.contains(scalar) { position += 1 }
  }

  private mutating func consume(_ word: String) -> Bool {
    let wordScalars = Array(word.unicodeScalars)
    guard position + wordScalars.count <= scalars.count,
      Array(scalars[position..<(position + wordScalars.count)]) == wordScalars
    else { return false }
    position += wordScalars.count
    return true
  }

  private mutating func parseValue() throws(Failure) -> Value {
    switch current {
    case "{": return try parseObject()
    case "[": return try parseArray()
    case "\"": return .string(try parseString())
    default:
      if consume("null") { return .none }
      if consume("true") { return .bool(true) }
      if consume("false") { return .bool(false) }
      if consume("NaN") { return .float(.nan) }
      if consume("Infinity") { return .float(.infinity) }
      if consume("-Infinity") { return .float(-.infinity) }
      return try parseNumber()
    }
  }

  private mutating func parseObject() throws(Failure) -> Value {
    position += 1
    var map = ValueMap()
    skipWhitespace()
    if current == "}" {
      position += 1
      return .map(map)
    }
    while true {
      skipWhitespace()
      guard current == "\"" else {
        throw failure("Expecting property name enclosed in double quotes")
      }
      let key = try parseString()
      skipWhitespace()
      guard current == ":" else { throw failure("Expecting ':' delimiter") }
      position += 1
      skipWhitespace()
      map[key] = try parseValue()
      skipWhitespace()
      if current == "," {
        position += 1
        continue
      }
      guard current == "}" else { throw failure("Expecting ',' delimiter") }
      position += 1
      return .map(map)
    }
  }

  private mutating func parseArray() throws(Failure) -> Value {
    position += 1
    var items: [Value] = []
    skipWhitespace()
    if current == "]" {
      position += 1
      return .list(items)
    }
    while true {
      skipWhitespace()
      items.append(try parseValue())
      skipWhitespace()
      if current == "," {
        position += 1
        continue
      }
      guard current == "]" else { throw failure("Expecting ',' delimiter") }
      position += 1
      return .list(items)
    }
  }

  private mutating func parseString() throws(Failure) -> String {
    position += 1
    var text = String.UnicodeScalarView()
    while let scalar = current {
      position += 1
      switch scalar {
      case "\"": return String(text)
      case "\\":
        guard let escape = current else { break }
        position += 1
        switch escape {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": text.append("\r")
        case "b": text.append("\u{08}")
        case "f": text.append("\u{0C}")
        case "u": text.append(try parseUnicodeEscape())
        case "\"", "\\", "/": text.append(escape)
        default: throw failure("Invalid \\escape")
        }
      default:
        guard scalar.value >= 0x20 else { throw failure("Invalid control character") }
        text.append(scalar)
      }
    }
    throw failure("Unterminated string starting at")
  }

  private mutating func hexQuad() throws(Failure) -> UInt32 {
    guard position + 4 <= scalars.count,
      let value = UInt32(
        String(String.UnicodeScalarView(scalars[position..<(position + 4)])), radix: 16)
    else { throw failure("Invalid \\uXXXX escape") }
    position += 4
    return value
  }

  private mutating func parseUnicodeEscape() throws(Failure) -> Unicode.Scalar {
    let high = try hexQuad()
    if (0xD800..<0xDC00).contains(high), consume("\\u") {
      let low = try hexQuad()
      if (0xDC00..<0xE000).contains(low),
        let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
      {
        return scalar
      }
    }
    return Unicode.Scalar(high) ?? "\u{FFFD}"
  }

  private mutating func parseNumber() throws(Failure) -> Value {
    let start = position
    if current == "-" { position += 1 }
    guard let first = current, ("0"..."9").contains(first) else {
      position = start
      throw failure("Expecting value")
    }
    var isFloat = false
    while let scalar = current {
      if ("0"..."9").contains(scalar) {
        position += 1
      } else if scalar == "." || scalar == "e" || scalar == "E"
        || ((scalar == "+" || scalar == "-") && isFloat)
      {
        isFloat = true
        position += 1
      } else {
        break
      }
    }
    let text = String(String.UnicodeScalarView(scalars[start..<position]))
    if !isFloat, let number = Int(text) { return .int(number) }
    guard let number = Double(text) else { throw failure("Expecting value") }
    return .float(number)
  }
}
