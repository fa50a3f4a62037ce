import KilnDiagnostics
import KilnYAML

/// The file formats a service file may declare (`format:` in service.yaml).
public enum FileFormat: String, Sendable, Hashable, CaseIterable {
  /// INI with kolla-ansible's `merge_configs` rules.
  case ini
  /// JSON (RFC 8259), member order kept.
  case json
  /// YAML 1.2 via KilnYAML.
  case yaml
  /// New-style `rabbitmq.conf`.
  case rabbitmq
  /// Erlang terms (`advanced.config`, `enabled_plugins`).
  case erlangTerm = "erlang-term"
  /// fluentd / td-agent configuration.
  case fluentd
  /// `/etc/hosts`.
  case hosts
  /// Anything else: UTF-8 text.
  case text
}

/// A file parsed in its format: the semantic model used by patches, checks and diff.
public enum ParsedFile: Sendable {
  /// An INI document.
  case ini(IniDocument)
  /// A JSON document.
  case json(JSONDocument)
  /// A YAML document.
  case yaml(YAMLDocument)
  /// A `rabbitmq.conf`.
  case rabbitmq(RabbitConfig)
  /// An Erlang term file.
  case erlangTerm(ErlangDocument)
  /// A fluentd configuration.
  case fluentd(FluentdConfig)
  /// An `/etc/hosts` file.
  case hosts(HostsFile)
  /// Plain text.
  case text(TextFile)

  /// Path/value pairs in a deterministic order, for a semantic diff.
  public func semanticEntries() -> [(path: String, value: String)] {
    switch self {
    case .ini(let document): document.semanticEntries()
    case .json(let document): document.value.semanticEntries()
    case .yaml(let document): YAMLEntries.entries(document.root)
    case .rabbitmq(let config): config.semanticEntries()
    case .erlangTerm(let document): document.semanticEntries()
    case .fluentd(let config): config.semanticEntries()
    case .hosts(let file): file.semanticEntries()
    case .text(let file): file.semanticEntries()
    }
  }

  /// The model written back deterministically in its format.
  public func written() -> [UInt8] {
    let text: String
    switch self {
    case .ini(let document): text = IniWriter.write(document)
    case .json(let document): text = JSONWriter.write(document.value)
    case .yaml(let document): text = YAMLWriter.write(document.root)
    case .rabbitmq(let config): text = config.write()
    case .erlangTerm(let document): text = ErlangWriter.write(document)
    case .fluentd(let config): text = config.write()
    case .hosts(let file): text = file.write()
    case .text(let file): text = file.text
    }
    return Array(text.utf8)
  }
}

/// The single entry point for parsing a file in a named format.
public enum FormatCodec {
  /// Parses `bytes` as `format` (a `FileFormat` raw value); errors are located diagnostics
  /// naming `file`.
  public static func parse(_ bytes: [UInt8], format: String, file: String)
    throws(DiagnosticsError) -> ParsedFile
  {
    guard let known = FileFormat(rawValue: format) else {
      throw FormatDiagnostics.unknown(
        kind: format, known: FileFormat.allCases.map(\.rawValue), file: file)
    }
    return try parse(bytes, format: known, file: file)
  }

  /// Parses `bytes` as `format`.
  public static func parse(_ bytes: [UInt8], format: FileFormat, file: String)
    throws(DiagnosticsError) -> ParsedFile
  {
    switch format {
    case .ini: return .ini(try IniParser.parse(bytes, file: file))
    case .json: return .json(try JSONParser.parse(bytes, file: file))
    case .yaml:
      do {
        return .yaml(try YAMLParser.parse(bytes: bytes, file: file))
      } catch {
        throw DiagnosticsError(error.diagnostic)
      }
    case .rabbitmq: return .rabbitmq(try RabbitConfig.parse(bytes, file: file))
    case .erlangTerm: return .erlangTerm(try ErlangParser.parse(bytes, file: file))
    case .fluentd: return .fluentd(try FluentdParser.parse(bytes, file: file))
    case .hosts: return .hosts(try HostsFile.parse(bytes, file: file))
    case .text: return .text(try TextFile.parse(bytes, file: file))
    }
  }
}

/// Path/value pairs of a YAML tree.
enum YAMLEntries {
  static func entries(_ node: YAMLNode) -> [(path: String, value: String)] {
    var result: [(path: String, value: String)] = []
    collect(node, path: "", into: &result)
    return result
  }

  static func collect(_ node: YAMLNode, path: String, into result: inout [(path: String, value: String)]) {
    switch node.content {
    case .mapping(let pairs) where !pairs.isEmpty:
      for pair in pairs {
        let key = pair.key.scalar?.text ?? YAMLWriter.write(pair.key)
        collect(pair.value, path: path.isEmpty ? key : "\(path).\(key)", into: &result)
      }
    case .sequence(let items) where !items.isEmpty:
      for (index, item) in items.enumerated() { collect(item, path: "\(path)[\(index)]", into: &result) }
    case .scalar(let scalar): result.append((path, scalar.text))
    default: result.append((path, YAMLWriter.write(node).trimmingTrailingNewline()))
    }
  }
}

extension String {
  /// The string without one final newline.
  fileprivate func trimmingTrailingNewline() -> String {
    hasSuffix("\n") ? String(dropLast()) : self
  }
}
