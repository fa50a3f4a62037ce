import KilnFormats

/// Deterministic JSON text for Kiln's own machine-readable outputs (manifest, reports): keys
/// are written in the order given, strings escaped by the JSON codec's writer.
enum JSONText {
  /// A JSON string literal for `value`.
  static func string(_ value: String) -> String {
    JSONWriter.quoted(value)
  }

  /// A one-line JSON object from ordered fields whose values are already JSON text.
  static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }
}
