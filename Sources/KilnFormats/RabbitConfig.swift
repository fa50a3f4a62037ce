import KilnDiagnostics

/// A new-style `rabbitmq.conf` (cuttlefish): `a.b.c = value` lines and `#` comments.
public struct RabbitConfig: Sendable, Hashable {
  /// The settings in file order; a key set twice keeps both lines (RabbitMQ uses the last).
  public var settings: [RabbitSetting]

  /// Creates a configuration.
  public init(settings: [RabbitSetting] = []) {
    self.settings = settings
  }

  /// The effective value of `key` (the last setting of it).
  public func value(of key: String) -> String? {
    settings.last { $0.key == key }?.value
  }

  /// Path/value pairs for a semantic diff: each key once, with its effective value, in
  /// first-seen order.
  public func semanticEntries() -> [(path: String, value: String)] {
    var seen: Set<String> = []
    var result: [(path: String, value: String)] = []
    for setting in settings where seen.insert(setting.key).inserted {
      result.append((setting.key, value(of: setting.key) ?? setting.value))
    }
    return result
  }

  /// Parses the text; a line that is not `key = value`, a comment or blank is a located error.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError)
    -> RabbitConfig
  {
    var settings: [RabbitSetting] = []
    for (offset, raw) in try SourceLines(bytes, file: file).lines.enumerated() {
      let location = { (column: Int) in
        SourceLocation(file: file, line: offset + 1, column: column)
      }
      let line = commentStripped(raw[...])
      let trimmed = PythonWhitespace.strip(line)
      if trimmed.isEmpty { continue }
      guard let equals = line.firstIndex(of: "=") else {
        throw syntax(
          "expected 'key = value'", at: location(trimmed.startIndex + 1),
          hint: "write settings as 'a.b.c = value'; comments start with '#'")
      }
      let key = PythonWhitespace.strip(line[..<equals])
      let keyColumn = key.startIndex + 1
      guard !key.isEmpty else {
        throw syntax("expected a key before '='", at: location(equals + 1), hint: "name the setting")
      }
      if let bad = key.firstIndex(where: { !isKeyScalar($0) }) {
        throw syntax(
          "expected a key of letters, digits, '_', '-' and '.', found '\(Character(key[bad]))'",
          at: location(bad + 1), hint: "keys look like 'listeners.tcp.1'")
      }
      if key.first == "." || key.last == "." || zip(key, key.dropFirst()).contains(where: { $0 == "." && $1 == "." }) {
        throw syntax("expected key segments separated by single dots", at: location(keyColumn),
          hint: "remove the empty segment")
      }
      let value = PythonWhitespace.strip(line[(equals + 1)...])
      guard !value.isEmpty else {
        throw syntax("expected a value after '='", at: location(equals + 2),
          hint: "give the setting a value, or delete the line")
      }
      settings.append(
        RabbitSetting(key: String(scalars: key), value: String(scalars: value), location: location(keyColumn)))
    }
    return RabbitConfig(settings: settings)
  }

  /// The text: one `key = value` line per setting.
  public func write() -> String {
    settings.map { "\($0.key) = \($0.value)\n" }.joined()
  }

  /// The line without a `#` comment (cuttlefish ends a value at `#`).
  static func commentStripped(_ line: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    guard let hash = line.firstIndex(of: "#") else { return line }
    return line[line.startIndex..<hash]
  }

  static func isKeyScalar(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic && c.isASCII || ("0"..."9").contains(c) || c == "_" || c == "-"
      || c == "."
  }

  static func syntax(_ message: String, at location: SourceLocation, hint: String)
    -> DiagnosticsError
  {
    FormatDiagnostics.error(FormatDiagnostics.rabbitSyntax, message, at: location, hint: hint)
  }
}

/// One `key = value` line.
public struct RabbitSetting: Sendable, Hashable {
  /// The dotted key, e.g. `listeners.tcp.1`.
  public var key: String
  /// The value text, stripped.
  public var value: String
  /// Where the key starts.
  public var location: SourceLocation?

  /// Creates a setting.
  public init(key: String, value: String, location: SourceLocation? = nil) {
    self.key = key
    self.value = value
    self.location = location
  }
}
