import KilnDiagnostics

/// Python's `json.dumps` output, byte for byte: separators, `indent`, `sort_keys`,
/// `ensure_ascii` escaping, float `repr`, `NaN`/`Infinity`.
struct PythonJSON {
  /// Indentation per level; nil for single-line output.
  var indent: Int?
  /// Sort mapping keys (Python ordering; mixed key types are an error).
  var sortKeys = false
  /// Escape every non-ASCII character as `\uXXXX`.
  var ensureASCII = true
  /// Item and key separators; Python's default depends on `indent`.
  var separators: (item: String, key: String)?

  /// A value `json.dumps` cannot encode.
  struct Failure: Error {
    /// Python's TypeError text.
    var message: String
  }

  /// Encodes `value`.
  func encode(_ value: Value) throws(Failure) -> String {
    var output = ""
    try write(value, level: 0, to: &output)
    return output
  }

  private var itemSeparator: String { separators?.item ?? (indent == nil ? ", " : ",") }
  private var keySeparator: String { separators?.key ?? ": " }

  private func write(_ value: Value, level: Int, to output: inout String) throws(Failure) {
    switch value {
    case .none: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .int(let number): output += String(number)
    case .float(let number): output += PythonJSON.floatText(number)
    case .string(let text): appendString(text, to: &output)
    case .list(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      for (offset, item) in items.enumerated() {
        output += offset == 0 ? newline(level + 1) : itemSeparator + newline(level + 1)
        try write(item, level: level + 1, to: &output)
      }
      output += newline(level) + "]"
    case .map(let map): try writeMap(map, level: level, to: &output)
    case .object, .callable, .undefined:
      throw Failure(message: "Object of type \(value.typeName) is not JSON serializable")
    }
  }

  private func writeMap(_ map: ValueMap, level: Int, to output: inout String) throws(Failure) {
    guard !map.isEmpty else {
      output += "{}"
      return
    }
    var pairs = Array(map)
    if sortKeys {
      pairs = try PythonJSON.sortedPairs(pairs)
    }
    output += "{"
    for (offset, pair) in pairs.enumerated() {
      output += offset == 0 ? newline(level + 1) : itemSeparator + newline(level + 1)
      appendString(try PythonJSON.keyText(pair.key), to: &output)
      output += keySeparator
      try write(pair.value, level: level + 1, to: &output)
    }
    output += newline(level) + "}"
  }

  /// Sorts pairs by key with Python ordering; mixed key types fail as in Python.
  static func sortedPairs(_ pairs: [(key: Value, value: Value)]) throws(Failure) -> [(
    key: Value, value: Value
  )] {
    var failure: Failure?
    let sorted = pairs.enumerated().sorted { left, right in
      guard let order = order(left.element.key, right.element.key) else {
        failure = Failure(
          message: "'<' not supported between instances of '\(left.element.key.typeName)' and "
            + "'\(right.element.key.typeName)'")
        return false
      }
      return order == 0 ? left.offset < right.offset : order < 0
    }
    if let failure { throw failure }
    return sorted.map(\.element)
  }

  /// Python ordering of two keys, nil when Python cannot order them.
  static func order(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.string(let x), .string(let y)):
      return x == y ? 0 : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1)
    default:
      guard let x = a.doubleValue, let y = b.doubleValue else { return nil }
      return x < y ? -1 : (x > y ? 1 : 0)
    }
  }

  private func newline(_ level: Int) -> String {
    guard let indent else { return "" }
    return "\n" + String(repeating: " ", count: indent * level)
  }

  /// A key as `json.dumps` converts it to a string.
  static func keyText(_ key: Value) throws(Failure) -> String {
    switch key {
    case .string(let text): return text
    case .int(let number): return String(number)
    case .float(let number): return floatText(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .none: return "null"
    default:
      throw Failure(
        message: "keys must be str, int, float, bool or None, not \(key.typeName)")
    }
  }

  /// `float.__repr__`, with `NaN`, `Infinity` and `-Infinity` as `json` writes them.
  static func floatText(_ number: Double) -> String {
    if number.isNaN { return "NaN" }
    if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
    return Value.float(number).pythonRepr()
  }

  private func appendString(_ text: String, to output: inout String) {
    JSONStringLiteral.append(text, asciiOnly: ensureASCII, to: &output)
  }
}
