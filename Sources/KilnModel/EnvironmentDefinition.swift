import KilnDiagnostics
import KilnYAML

/// One environment as written: `environments/<name>/` with env.yaml, inventory and vars.
public struct EnvironmentDefinition: Sendable {
  /// The environment's name (its directory name).
  public var name: String
  /// The environment's directory (`environments/prod`).
  public var directory: String
  /// The parents named by `inherits:`, as written.
  public var inherits: [NameReference]
  /// The overlays named by `overlays:`, in order.
  public var overlays: [NameReference]
  /// The one-line description, if given.
  public var description: String?
  /// `rollout:` as written, for the executor.
  public var rollout: YAMLNode?
  /// `trust:` as written.
  public var trust: YAMLNode?
  /// `secrets:` as written.
  public var secrets: YAMLNode?
  /// Where env.yaml begins (or the directory, when there is no env.yaml).
  public var location: SourceLocation

  var inventory: InventoryDocument
  var groupVars: VarsDirectory
  var hostVars: VarsDirectory

  static let keys = ["description", "inherits", "overlays", "rollout", "trust", "secrets"]
  static let inventoryNames = ["inventory.yaml", "inventory.yml"]

  /// Reads the environment in `directory`.
  static func read(name: String, directory: String, with reader: YAMLReader)
    -> EnvironmentDefinition
  {
    var environment = EnvironmentDefinition(
      name: name, directory: directory, inherits: [], overlays: [], location: .file(directory),
      inventory: InventoryDocument(), groupVars: VarsDirectory(), hostVars: VarsDirectory())
    let path = "\(directory)/env.yaml"
    if let root = reader.document(path) {
      environment.location = root.location
      environment.readSettings(root, path: path, with: reader)
    } else if !reader.fileExists(path) {
      reader.sink.add(
        Diagnostic(
          id: ModelDiagnostics.missing, message: "environment '\(name)' has no env.yaml",
          location: .file(directory),
          hint: "create \(path) (it may be empty, or say 'inherits: [base]')"))
    }
    for file in inventoryNames {
      let inventoryPath = "\(directory)/\(file)"
      guard let root = reader.document(inventoryPath) else { continue }
      environment.inventory = InventoryDocument.parse(
        root, file: inventoryPath, environment: name, with: reader)
      break
    }
    environment.groupVars = VarsDirectory.read(
      "\(directory)/group_vars", label: "group_vars", environment: name, with: reader)
    environment.hostVars = VarsDirectory.read(
      "\(directory)/host_vars", label: "host_vars", environment: name, with: reader)
    return environment
  }

  private mutating func readSettings(_ root: YAMLNode, path: String, with reader: YAMLReader) {
    guard let pairs = reader.checkedMapping(root, "env.yaml", allowed: Self.keys) else { return }
    for (key, pair) in pairs {
      let value = pair.value
      switch key {
      case "description": description = reader.string(value, "'description'")
      case "inherits": inherits = reader.names(value, "'inherits' of \(path)")
      case "overlays": overlays = reader.names(value, "'overlays' of \(path)")
      case "rollout": rollout = value
      case "trust": trust = value
      default: secrets = value
      }
    }
  }
}
