import KilnDiagnostics
import KilnYAML

/// The repository's `kiln.yaml`: format version and default environment.
public struct RepositoryConfig: Sendable {
  /// The repository format version (`kiln: 1`).
  public var formatVersion: Int
  /// The environment used when none is named (`default-env:`).
  public var defaultEnvironment: NameReference?

  /// The keys `kiln.yaml` may contain.
  static let keys = ["kiln", "default-env"]
  /// The repository format versions this module reads.
  static let supportedVersions = [1]
  static let path = "kiln.yaml"

  /// Reads `kiln.yaml`, reporting a missing file, unknown keys and an unsupported version.
  static func read(with reader: YAMLReader) -> RepositoryConfig {
    var config = RepositoryConfig(formatVersion: 1, defaultEnvironment: nil)
    guard let root = reader.document(path) else {
      if !reader.fileExists(path) {
        reader.sink.add(
          Diagnostic(
            id: ModelDiagnostics.missing, message: "no kiln.yaml at the repository root",
            location: .file(path),
            hint: "create kiln.yaml with 'kiln: 1' and 'default-env: <name>'"))
      }
      return config
    }
    guard let pairs = reader.checkedMapping(root, "kiln.yaml", allowed: keys) else {
      return config
    }
    var sawVersion = false
    for (key, pair) in pairs {
      switch key {
      case "kiln":
        sawVersion = true
        if case .scalar(let scalar) = pair.value.content, case .int(let version) = scalar.value,
          supportedVersions.contains(version)
        {
          config.formatVersion = version
        } else {
          reader.sink.add(
            Diagnostic(
              id: ModelDiagnostics.unsupportedFormat,
              message: "unsupported repository format 'kiln: \(scalarText(pair.value))'",
              location: pair.value.location,
              hint: "this version of kiln reads 'kiln: 1'"))
        }
      default:
        if let name = reader.string(pair.value, "default-env") {
          config.defaultEnvironment = NameReference(name: name, location: pair.value.location)
        }
      }
    }
    if !sawVersion {
      reader.sink.add(
        Diagnostic(
          id: ModelDiagnostics.missing, message: "kiln.yaml does not say its format version",
          location: root.location, hint: "add 'kiln: 1'"))
    }
    return config
  }

  private static func scalarText(_ node: YAMLNode) -> String {
    if case .scalar(let scalar) = node.content { return scalar.text }
    return node.kindDescription
  }
}
