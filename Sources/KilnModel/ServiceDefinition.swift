import KilnDiagnostics
import KilnYAML

/// A service: `templates/<dir>/service.yaml` with its files and `defaults.yaml`.
public struct ServiceDefinition: Sendable {
  /// One file the service renders.
  public struct File: Sendable, Hashable {
    /// Template path relative to the service directory (`rabbitmq.conf.j2`).
    public var source: String
    /// Output path relative to the host's config root (`rabbitmq/rabbitmq.conf`).
    public var destination: String
    /// The file's format (`ini`, `json`, …), used for validation, patches and diff.
    public var format: String
    /// The file mode as octal text, `0644` unless given.
    public var mode: String
    /// Whether the file holds secrets.
    public var secret: Bool
    /// Where the entry is written in `service.yaml`.
    public var location: SourceLocation
  }

  /// The service name (`rabbitmq`).
  public var name: String
  /// The service's directory (`templates/rabbitmq`).
  public var directory: String
  /// The inventory group whose hosts run the service.
  public var hostsGroup: NameReference
  /// What a change to the service's files restarts.
  public var restart: [String]
  /// The files the service renders, in `service.yaml` order.
  public var files: [File]
  /// The schema file relative to the service directory, if any.
  public var schema: String?
  /// The parsed `defaults.yaml` (a mapping), if present.
  public var defaults: VariableLayer?
  /// Where `name:` is written.
  public var location: SourceLocation

  static let keys = ["name", "hosts", "restart", "files", "schema"]
  static let fileKeys = ["src", "dest", "format", "mode", "secret"]
  /// The file formats `format:` accepts.
  public static let formats = [
    "ini", "json", "yaml", "rabbitmq", "erlang-term", "fluentd", "hosts", "text",
  ]

  /// Reads `<directory>/service.yaml` and `defaults.yaml`; nil when the definition is unusable.
  static func read(directory: String, with reader: YAMLReader) -> ServiceDefinition? {
    let path = "\(directory)/service.yaml"
    guard let root = reader.document(path),
      let pairs = reader.checkedMapping(root, "service.yaml", allowed: keys)
    else { return nil }
    var name: String?
    var hosts: NameReference?
    var service = ServiceDefinition(
      name: "", directory: directory, hostsGroup: NameReference(name: "", location: root.location),
      restart: [], files: [], schema: nil, defaults: nil, location: root.location)
    for (key, pair) in pairs {
      let value = pair.value
      switch key {
      case "name":
        name = reader.string(value, "'name' of \(path)")
        service.location = value.location
      case "hosts":
        hosts = reader.string(value, "'hosts' of \(path)").map {
          NameReference(name: $0, location: value.location)
        }
      case "restart": service.restart = reader.names(value, "'restart' of \(path)").map(\.name)
      case "files":
        service.files = readFiles(value, directory: directory, with: reader)
      default:
        service.schema = reader.string(value, "'schema' of \(path)")
        if let schema = service.schema, !reader.fileExists("\(directory)/\(schema)") {
          reader.sink.add(missingFile("\(directory)/\(schema)", "schema", value.location))
        }
      }
    }
    for (key, found) in [("name", name != nil), ("hosts", hosts != nil)] where !found {
      reader.sink.add(
        Diagnostic(
          id: ModelDiagnostics.missing, message: "\(path) has no '\(key):'",
          location: root.location, hint: "add '\(key): …' to \(path)"))
    }
    guard let name, let hosts else { return nil }
    service.name = name
    service.hostsGroup = hosts
    service.defaults = readDefaults(directory: directory, service: name, with: reader)
    return service
  }

  private static func readDefaults(directory: String, service: String, with reader: YAMLReader)
    -> VariableLayer?
  {
    let path = "\(directory)/defaults.yaml"
    guard let root = reader.document(path), let pairs = reader.mapping(root, path), !pairs.isEmpty
    else { return nil }
    return VariableLayer(description: "\(path) (service \(service) defaults)", node: root)
  }

  private static func readFiles(_ node: YAMLNode, directory: String, with reader: YAMLReader)
    -> [File]
  {
    guard case .sequence(let items) = node.content else {
      reader.sink.add(
        ModelDiagnostics.wrongType(
          "'files'", expected: "a list of {src, dest, …} entries",
          found: node.kindDescription, at: node.location))
      return []
    }
    return items.compactMap { readFile($0, directory: directory, with: reader) }
  }

  private static func readFile(_ node: YAMLNode, directory: String, with reader: YAMLReader)
    -> File?
  {
    guard let pairs = reader.checkedMapping(node, "a 'files' entry", allowed: fileKeys) else {
      return nil
    }
    var file = File(
      source: "", destination: "", format: "text", mode: "0644", secret: false,
      location: node.location)
    for (key, pair) in pairs {
      let value = pair.value
      switch key {
      case "src": file.source = reader.string(value, "'src'") ?? ""
      case "dest": file.destination = reader.string(value, "'dest'") ?? ""
      case "format":
        let format = reader.string(value, "'format'") ?? "text"
        if !formats.contains(format) {
          reader.sink.add(
            ModelDiagnostics.unknownName(
              ModelDiagnostics.invalidValue, kind: "file format", name: format,
              at: value.location, known: formats))
        }
        file.format = format
      case "mode": file.mode = readMode(value, with: reader)
      default:
        if case .scalar(let scalar) = value.content, case .bool(let flag) = scalar.value {
          file.secret = flag
        } else {
          reader.sink.add(
            ModelDiagnostics.wrongType(
              "'secret'", expected: "true or false",
              found: value.kindDescription, at: value.location))
        }
      }
    }
    for (key, text) in [("src", file.source), ("dest", file.destination)] where text.isEmpty {
      reader.sink.add(
        Diagnostic(
          id: ModelDiagnostics.missing, message: "a 'files' entry has no '\(key):'",
          location: node.location, hint: "add '\(key): …'"))
    }
    if !file.source.isEmpty, !reader.fileExists("\(directory)/\(file.source)") {
      reader.sink.add(missingFile("\(directory)/\(file.source)", "template", node.location))
    }
    return file.source.isEmpty || file.destination.isEmpty ? nil : file
  }

  private static func readMode(_ value: YAMLNode, with reader: YAMLReader) -> String {
    if case .scalar(let scalar) = value.content, case .string(let text) = scalar.value,
      (3...4).contains(text.count), text.allSatisfy({ ("0"..."7").contains($0) })
    {
      return text.count == 3 ? "0" + text : text
    }
    reader.sink.add(
      Diagnostic(
        id: ModelDiagnostics.invalidValue, message: "'mode' must be an octal string like \"0640\"",
        location: value.location,
        hint: "quote the mode (mode: \"0640\"); unquoted, YAML reads it as a decimal number"))
    return "0644"
  }

  private static func missingFile(_ path: String, _ kind: String, _ location: SourceLocation)
    -> Diagnostic
  {
    Diagnostic(
      id: ModelDiagnostics.missingFile, message: "\(kind) file '\(path)' does not exist",
      location: location, hint: "create \(path) or correct the name")
  }
}
