/// The implicit types of YAML 1.1 as PyYAML (and so Ansible) resolves them, used by the writer
/// to quote strings that Ansible would otherwise read as numbers, dates or booleans. The
/// matchers accept a superset of PyYAML's patterns: a false match only adds quotes.
enum YAML11Resolution {
  /// Whether a YAML 1.1 reader may resolve this plain text to something other than a string.
  static func isNonString(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return true }
    if text == "=" || text == "<<" || ScalarResolver.yaml11Boolean(text) != nil { return true }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
      UInt8(ascii: "."):
      let bytes = Array(text.utf8)
      return isInteger(bytes) || isFloat(bytes) || isTimestamp(bytes)
    default:
      return false
    }
  }

  /// `0b…`, `0…` octal, decimal, `0x…` and sexagesimal `1:30`, each with `_` separators.
  static func isInteger(_ bytes: [UInt8]) -> Bool {
    var cursor = ByteCursor(bytes)
    cursor.skipSign()
    if cursor.skip("0b") { return cursor.skipAll(in: "01_") > 0 && cursor.atEnd }
    if cursor.skip("0x") {
      return cursor.skipAll(in: "0123456789abcdefABCDEF_") > 0 && cursor.atEnd
    }
    guard cursor.skipAll(in: "0123456789_") > 0 else { return false }
    return cursor.atEnd || (cursor.skipSexagesimal() && cursor.atEnd)
  }

  /// Decimals with a point, `.5`, sexagesimal floats, `.inf` and `.nan`.
  static func isFloat(_ bytes: [UInt8]) -> Bool {
    var cursor = ByteCursor(bytes)
    cursor.skipSign()
    if cursor.skip(".inf") || cursor.skip(".Inf") || cursor.skip(".INF") || cursor.skip(".nan")
      || cursor.skip(".NaN") || cursor.skip(".NAN")
    {
      return cursor.atEnd
    }
    let integerDigits = cursor.skipAll(in: "0123456789_")
    if integerDigits > 0 { _ = cursor.skipSexagesimal() }
    guard cursor.skip(".") else { return false }
    let fractionDigits = cursor.skipAll(in: "0123456789_")
    guard integerDigits > 0 || fractionDigits > 0 else { return false }
    if cursor.skip("e") || cursor.skip("E") {
      cursor.skipSign()
      guard cursor.skipAll(in: "0123456789") > 0 else { return false }
    }
    return cursor.atEnd
  }

  /// `2026-11-25`, optionally followed by a time.
  static func isTimestamp(_ bytes: [UInt8]) -> Bool {
    var cursor = ByteCursor(bytes)
    guard cursor.skipAll(in: "0123456789") == 4, cursor.skip("-"),
      (1...2).contains(cursor.skipAll(in: "0123456789")), cursor.skip("-"),
      (1...2).contains(cursor.skipAll(in: "0123456789"))
    else { return false }
    return cursor.atEnd || cursor.skip("T") || cursor.skip("t") || cursor.skip(" ")
      || cursor.skip("\t")
  }
}

/// A read position in a byte array, for the YAML 1.1 matchers.
private struct ByteCursor {
  let bytes: [UInt8]
  var index = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var atEnd: Bool { index == bytes.count }

  /// Skips `literal` if the bytes continue with it.
  mutating func skip(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
    index += count
    return true
  }

  /// Skips one `+` or `-`.
  mutating func skipSign() {
    if !skip("+") { _ = skip("-") }
  }

  /// Skips every byte from `set`; returns how many.
  mutating func skipAll(in set: StaticString) -> Int {
    let members = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
    let start = index
    while index < bytes.count, members.contains(bytes[index]) { index += 1 }
    return index - start
  }

  /// Skips one or more `:` + one or two digits groups; false when there is none.
  mutating func skipSexagesimal() -> Bool {
    var groups = 0
    while skip(":") {
      let digits = skipAll(in: "0123456789")
      guard (1...2).contains(digits) else { return false }
      groups += 1
    }
    return groups > 0
  }
}
