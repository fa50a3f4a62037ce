import KilnDiagnostics
import KilnYAML

/// Parses one document of test input named `test.yaml`.
func parse(_ text: String) throws -> YAMLNode {
  try YAMLParser.parse(text, file: "test.yaml").root
}

/// The diagnostic a parse of `text` fails with, or nil when it parses.
func parseError(_ text: String) -> Diagnostic? {
  do {
    _ = try YAMLParser.parse(text, file: "test.yaml")
    return nil
  } catch {
    return error.diagnostic
  }
}

extension YAMLNode {
  /// The node at a dotted path: mapping keys by text, sequence items by index (`a.0.b`).
  func at(_ path: String) -> YAMLNode? {
    var node: YAMLNode? = self
    for part in path.split(separator: ".") {
      if let index = Int(part), let items = node?.sequenceItems {
        node = index < items.count ? items[index] : nil
      } else {
        node = node?[String(part)]
      }
    }
    return node
  }

  /// The keys of a mapping, as text.
  var keys: [String] {
    (mappingPairs ?? []).compactMap { $0.key.scalar?.text }
  }
}
