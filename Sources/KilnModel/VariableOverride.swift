import KilnDiagnostics
import KilnYAML

/// A `--set NAME=VALUE` override (layer 7); `NAME` may be a dotted path into nested maps.
public struct VariableOverride: Sendable {
  /// The key path (`["mariadb", "max_connections"]`).
  public var path: [String]
  /// The value, parsed as YAML (so `8192` is an integer and `[a, b]` a list).
  public var value: YAMLNode
  /// The override as given.
  public var text: String

  /// Parses `NAME=VALUE`; the value is read as YAML.
  public static func parse(_ text: String) throws(DiagnosticsError) -> VariableOverride {
    let location = SourceLocation(file: "--set", line: 1, column: 1)
    guard let equals = text.firstIndex(of: "=") else {
      throw DiagnosticsError(
        Diagnostic(
          id: ModelDiagnostics.invalidOverride, message: "'--set \(text)' has no '='",
          location: location, hint: "write --set name=value"))
    }
    let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(
      String.init)
    guard !path.contains(where: \.isEmpty) else {
      throw DiagnosticsError(
        Diagnostic(
          id: ModelDiagnostics.invalidOverride,
          message: "'--set \(text)' has an empty variable name", location: location,
          hint: "write --set name=value or --set map.key=value"))
    }
    let valueText = String(text[text.index(after: equals)...])
    do {
      let document = try YAMLParser.parse(valueText, file: "--set \(path.joined(separator: "."))")
      return VariableOverride(path: path, value: document.root, text: text)
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
  }

  /// The layer description `explain` shows.
  var layerDescription: String { "--set \(text)" }

  /// Applies the override on top of `map`, creating intermediate maps where needed.
  func apply(to map: inout LayeredMap) {
    guard let first = path.first else { return }
    map[first] = applied(map[first], remaining: path.dropFirst())
  }

  private func applied(_ existing: LayeredValue?, remaining: ArraySlice<String>) -> LayeredValue {
    guard let key = remaining.first else {
      return LayerMerge.merged(existing, with: value, layer: layerDescription)
    }
    var inner = LayeredMap()
    var history: [Contribution] = []
    if let existing, case .map(let map) = existing.content {
      inner = map
      history = existing.history
    }
    inner[key] = applied(inner[key], remaining: remaining.dropFirst())
    history.append(Contribution(layer: layerDescription, operation: .merge, node: value))
    return LayeredValue(content: .map(inner), history: history)
  }
}
