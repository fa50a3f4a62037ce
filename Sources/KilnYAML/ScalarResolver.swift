/// YAML 1.2 core schema resolution of plain scalars, working on the scalar's UTF-8 bytes.
enum ScalarResolver {
  /// The core schema value of a plain scalar's text.
  static func resolve(_ text: String) -> ScalarValue {
    var copy = text
    return copy.withUTF8 { resolve(bytes: $0, text: text) }
  }

  /// The core schema value of a plain scalar given as bytes and the same text as a `String`.
  static func resolve(bytes: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue {
    guard let first = bytes.first else { return .null }
    // Only scalars starting with one of these can be anything but a string.
    switch first {
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
      return isNull(bytes) ? .null : .string(text)
    case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
      return boolean(bytes).map(ScalarValue.bool) ?? .string(text)
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
      UInt8(ascii: "."):
      return number(bytes, text: text) ?? .string(text)
    default:
      return .string(text)
    }
  }

  /// Whether the bytes spell a core schema null.
  static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.isEmpty || matches(bytes, anyOf: ["~", "null", "Null", "NULL"])
  }

  /// The core schema boolean the bytes spell, if any.
  static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if matches(bytes, anyOf: ["true", "True", "TRUE"]) { return true }
    if matches(bytes, anyOf: ["false", "False", "FALSE"]) { return false }
    return nil
  }

  /// The boolean YAML 1.1 reads from a word that YAML 1.2 reads as a string
  /// (`yes`, `no`, `on`, `off`, `y`, `n` in any case).
  static func yaml11Boolean(_ text: String) -> Bool? {
    guard text.utf8.count <= 3 else { return nil }
    switch text.lowercased() {
    case "yes", "y", "on": return true
    case "no", "n", "off": return false
    default: return nil
    }
  }

  /// The value YAML 1.1 reads from a decimal with a leading zero and only octal digits
  /// (`0640` is 416 there, 640 in YAML 1.2).
  static func yaml11Octal(_ text: String) -> Int? {
    var digits = Substring(text)
    let negative = digits.first == "-"
    if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
    guard digits.count > 1, digits.first == "0",
      digits.allSatisfy({ $0 >= "0" && $0 <= "7" }), let value = Int(digits, radix: 8)
    else { return nil }
    return negative ? -value : value
  }

  /// An integer or float the bytes spell, if any.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue? {
    if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
      if bytes[1] == UInt8(ascii: "x") { return integer(bytes.dropFirst(2), radix: 16) }
      if bytes[1] == UInt8(ascii: "o") { return integer(bytes.dropFirst(2), radix: 8) }
    }
    if let special = specialFloat(bytes) { return .float(special) }
    var digits = bytes[...]
    var negative = false
    if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      digits = digits.dropFirst()
    }
    if !digits.isEmpty, digits.allSatisfy(isDecimalDigit) {
      return integer(digits, radix: 10, negative: negative)
    }
    guard isFloatSyntax(digits), let value = Double(text) else { return nil }
    return .float(value)
  }

  /// `.inf`, `-.inf`, `.nan` and their capitalised spellings.
  private static func specialFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    if matches(bytes, anyOf: [".nan", ".NaN", ".NAN"]) { return .nan }
    var rest = bytes[...]
    var sign = 1.0
    if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      sign = first == UInt8(ascii: "-") ? -1 : 1
      rest = rest.dropFirst()
    }
    for word in [".inf", ".Inf", ".INF"] where rest.elementsEqual(word.utf8) {
      return sign * .infinity
    }
    return nil
  }

  /// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` after an optional sign.
  private static func isFloatSyntax(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var index = bytes.startIndex
    let end = bytes.endIndex
    let integerStart = index
    while index < end, isDecimalDigit(bytes[index]) { index += 1 }
    let integerDigits = index - integerStart
    var fractionDigits = 0
    if index < end, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let fractionStart = index
      while index < end, isDecimalDigit(bytes[index]) { index += 1 }
      fractionDigits = index - fractionStart
    }
    guard integerDigits > 0 || fractionDigits > 0 else { return false }
    if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        index += 1
      }
      let exponentStart = index
      while index < end, isDecimalDigit(bytes[index]) { index += 1 }
      guard index > exponentStart else { return false }
    }
    return index == end
  }

  /// Digits in `radix` accumulated without overflow; nil when not all digits or too large.
  private static func integer(
    _ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int, negative: Bool = false
  ) -> ScalarValue? {
    guard !digits.isEmpty else { return nil }
    var value = 0
    for byte in digits {
      guard let digit = digitValue(byte), digit < radix else { return nil }
      let (shifted, overflowA) = value.multipliedReportingOverflow(by: radix)
      let (next, overflowB) =
        negative
        ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
      guard !overflowA, !overflowB else { return nil }
      value = next
    }
    return .int(value)
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
    default: return nil
    }
  }

  private static func isDecimalDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, anyOf words: [StaticString])
    -> Bool
  {
    for word in words {
      let wordBytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
      if bytes.elementsEqual(wordBytes) { return true }
    }
    return false
  }
}
