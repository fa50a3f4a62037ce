import KilnDiagnostics
import KilnYAML

/// An overlay: `overlays/<name>/overlay.yaml` with its filter, values and (raw) patches.
public struct OverlayDefinition: Sendable {
  /// Which environments, groups, hosts and services an overlay applies to; empty means any.
  public struct AppliesTo: Sendable, Hashable {
    /// Environments (the rendered one or any it inherits from).
    public var environments: [NameReference] = []
    /// Inventory groups; a host in any of them matches.
    public var groups: [NameReference] = []
    /// Host names.
    public var hosts: [NameReference] = []
    /// Services; a host that runs any of them matches.
    public var services: [NameReference] = []
  }

  /// The overlay's name (its directory name).
  public var name: String
  /// The overlay's directory (`overlays/galera-tuning`).
  public var directory: String
  /// The one-line description.
  public var description: String?
  /// Where the overlay applies.
  public var appliesTo: AppliesTo
  /// The `values:` mapping, applied at layer 5.
  public var values: VariableLayer?
  /// The `patches:` entries, unapplied, for the file patch stage.
  public var patches: [YAMLNode]
  /// Where `overlay.yaml` begins.
  public var location: SourceLocation

  static let keys = ["description", "applies-to", "values", "patches"]
  static let appliesToKeys = ["envs", "groups", "hosts", "services"]

  /// Reads `<directory>/overlay.yaml`; nil when it is missing or unusable.
  static func read(name: String, directory: String, with reader: YAMLReader)
    -> OverlayDefinition?
  {
    let path = "\(directory)/overlay.yaml"
    guard let root = reader.document(path) else {
      if !reader.fileExists(path) {
        reader.sink.add(
          Diagnostic(
            id: ModelDiagnostics.missing, message: "overlay '\(name)' has no overlay.yaml",
            location: .file(directory), hint: "create \(path)"))
      }
      return nil
    }
    guard let pairs = reader.checkedMapping(root, "overlay.yaml", allowed: keys) else { return nil }
    var overlay = OverlayDefinition(
      name: name, directory: directory, description: nil, appliesTo: AppliesTo(), values: nil,
      patches: [], location: root.location)
    for (key, pair) in pairs {
      let value = pair.value
      switch key {
      case "description": overlay.description = reader.string(value, "'description'")
      case "applies-to": overlay.appliesTo = readAppliesTo(value, with: reader)
      case "values":
        if let values = reader.mapping(value, "'values' of \(path)"), !values.isEmpty {
          overlay.values = VariableLayer(description: "overlay \(name) values", node: value)
        }
      default:
        switch value.content {
        case .sequence(let items): overlay.patches = items
        case .scalar(let scalar) where scalar.value == .null: break
        default:
          reader.sink.add(
            ModelDiagnostics.wrongType(
              "'patches'", expected: "a list of {file, merge, with}",
              found: value.kindDescription, at: value.location))
        }
      }
    }
    return overlay
  }

  private static func readAppliesTo(_ node: YAMLNode, with reader: YAMLReader) -> AppliesTo {
    var result = AppliesTo()
    guard let pairs = reader.checkedMapping(node, "'applies-to'", allowed: appliesToKeys) else {
      return result
    }
    for (key, pair) in pairs {
      let names = reader.names(pair.value, "'applies-to.\(key)'")
      switch key {
      case "envs": result.environments = names
      case "groups": result.groups = names
      case "hosts": result.hosts = names
      default: result.services = names
      }
    }
    return result
  }
}
