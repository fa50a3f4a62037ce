import KilnDiagnostics
import KilnYAML

/// One source of variables applied as a unit: a vars file, an inventory `vars:` section, …
public struct VariableLayer: Sendable {
  /// Which layer this is, as `explain` prints it: `group_vars/control.yaml (env prod)`.
  public var description: String
  /// The variables: a mapping node.
  public var node: YAMLNode

  /// A layer named `description` holding the mapping `node`.
  public init(description: String, node: YAMLNode) {
    self.description = description
    self.node = node
  }
}

/// The `group_vars` or `host_vars` directory of one environment.
struct VarsDirectory: Sendable {
  /// One group's or host's files, in the order they apply.
  struct Entry: Sendable {
    var name: String
    var location: SourceLocation
    var layers: [VariableLayer]
  }

  var entries: [Entry] = []
  private var index: [String: Int] = [:]

  /// The layers of `name` (empty when there is no file for it).
  func layers(for name: String) -> [VariableLayer] {
    index[name].map { entries[$0].layers } ?? []
  }

  static let extensions = [".yaml", ".yml"]

  /// Reads `<directory>/<name>.yaml|.yml` files and `<directory>/<name>/` directories of them.
  static func read(
    _ directory: String, label: String, environment: String, with reader: YAMLReader
  ) -> VarsDirectory {
    var result = VarsDirectory()
    guard let listing = reader.entries(directory) else { return result }
    // Estates hold thousands of host_vars files: parse the plain files in parallel up front.
    let plainFiles = listing.filter { $0.kind != .directory && yamlStem($0.name) != nil }
      .map { "\(directory)/\($0.name)" }
    let roots = Dictionary(
      uniqueKeysWithValues: zip(plainFiles, reader.documents(plainFiles)))
    for entry in listing {
      let path = "\(directory)/\(entry.name)"
      if entry.kind == .directory {
        let files = (reader.entries(path) ?? []).filter { $0.kind != .directory }
        var layers: [VariableLayer] = []
        for file in files {
          guard yamlStem(file.name) != nil else {
            reader.sink.add(ignored("\(path)/\(file.name)"))
            continue
          }
          let relative = "\(label)/\(entry.name)/\(file.name)"
          let root = reader.document("\(path)/\(file.name)")
          if let layer = layer(root, relative, environment, reader) {
            layers.append(layer)
          }
        }
        result.append(entry.name, .file(path), layers)
      } else if let stem = yamlStem(entry.name) {
        let relative = "\(label)/\(entry.name)"
        let layers = layer(roots[path] ?? nil, relative, environment, reader).map { [$0] } ?? []
        result.append(stem, .file(path), layers)
      } else {
        reader.sink.add(ignored(path))
      }
    }
    return result
  }

  private mutating func append(
    _ name: String, _ location: SourceLocation, _ layers: [VariableLayer]
  ) {
    if let position = index[name] {
      entries[position].layers += layers
    } else {
      index[name] = entries.count
      entries.append(Entry(name: name, location: location, layers: layers))
    }
  }

  private static func yamlStem(_ name: String) -> String? {
    for suffix in extensions where name.hasSuffix(suffix) && name.count > suffix.count {
      return String(name.dropLast(suffix.count))
    }
    return nil
  }

  private static func layer(
    _ root: YAMLNode?, _ relative: String, _ environment: String, _ reader: YAMLReader
  ) -> VariableLayer? {
    guard let root else { return nil }
    if case .scalar(let scalar) = root.content, scalar.value == .null { return nil }
    guard case .mapping = root.content else {
      reader.sink.add(
        ModelDiagnostics.wrongType(
          relative, expected: "a mapping of variable names to values",
          found: root.kindDescription, at: root.location,
          hint: "write 'name: value' lines at the top level of the file"))
      return nil
    }
    return VariableLayer(description: "\(relative) (env \(environment))", node: root)
  }

  private static func ignored(_ path: String) -> Diagnostic {
    Diagnostic(
      id: ModelDiagnostics.ignoredFile, severity: .warning,
      message: "ignoring '\(path)': variable files end in .yaml or .yml", location: .file(path),
      hint: "rename it to end in .yaml")
  }
}
