import KilnDiagnostics
import KilnGit
import KilnYAML

/// Reads files of a source tree as YAML and checks their shape, reporting into a sink.
struct YAMLReader {
  let source: any SourceTree
  let sink: DiagnosticSink

  /// The parsed root of `path`, nil when the file is missing or unreadable (the latter reported).
  func document(_ path: String) -> YAMLNode? {
    let bytes: [UInt8]?
    do {
      bytes = try source.readFile(path)
    } catch {
      sink.add(error.diagnostic)
      return nil
    }
    guard let bytes else { return nil }
    do {
      let document = try YAMLParser.parse(bytes: bytes, file: path)
      sink.add(contentsOf: document.warnings)
      return document.root
    } catch {
      sink.add(error.diagnostic)
      return nil
    }
  }

  /// Whether a file exists at `path`.
  func fileExists(_ path: String) -> Bool {
    do {
      return try source.readFile(path) != nil
    } catch {
      sink.add(error.diagnostic)
      return false
    }
  }

  /// The entries of a directory, nil when it does not exist.
  func entries(_ path: String) -> [TreeEntry]? {
    do {
      return try source.listDirectory(path)
    } catch {
      sink.add(error.diagnostic)
      return nil
    }
  }

  /// The pairs of a mapping node; a null node is an empty mapping; anything else is reported.
  func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
    switch node.content {
    case .mapping(let pairs): return pairs
    case .scalar(let scalar) where scalar.value == .null: return []
    default:
      sink.add(
        ModelDiagnostics.wrongType(
          what, expected: "a mapping", found: node.kindDescription,
          at: node.location))
      return nil
    }
  }

  /// The pairs of a mapping whose keys are checked against `allowed`, keyed by text.
  func checkedMapping(_ node: YAMLNode, _ what: String, allowed: [String]) -> [(
    key: String, pair: YAMLPair
  )]? {
    guard let pairs = mapping(node, what) else { return nil }
    var result: [(key: String, pair: YAMLPair)] = []
    for pair in pairs {
      guard let key = keyText(pair.key) else { continue }
      if allowed.contains(key) {
        result.append((key, pair))
      } else {
        sink.add(
          ModelDiagnostics.unknownKey(key, at: pair.key.location, in: what, allowed: allowed))
      }
    }
    return result
  }

  /// The text of a scalar mapping key; a complex key is reported.
  func keyText(_ key: YAMLNode) -> String? {
    if case .scalar(let scalar) = key.content { return scalar.text }
    sink.add(
      Diagnostic(
        id: ModelDiagnostics.complexKey,
        message: "a mapping key must be a scalar, found \(key.kindDescription)",
        location: key.location, hint: "use a string key"))
    return nil
  }

  /// A string scalar's text; other kinds are reported.
  func string(_ node: YAMLNode, _ what: String) -> String? {
    if case .scalar(let scalar) = node.content, scalar.value != .null, !scalar.text.isEmpty {
      if case .string(let text) = scalar.value { return text }
      return scalar.text
    }
    sink.add(
      ModelDiagnostics.wrongType(
        what, expected: "a non-empty string", found: node.kindDescription,
        at: node.location))
    return nil
  }

  /// A list of names (a single name is accepted as a one-element list).
  func names(_ node: YAMLNode, _ what: String) -> [NameReference] {
    switch node.content {
    case .sequence(let items):
      return items.compactMap { item in
        string(item, "an entry of \(what)").map { NameReference(name: $0, location: item.location) }
      }
    case .scalar(let scalar) where scalar.value == .null:
      return []
    case .scalar:
      return string(node, what).map { [NameReference(name: $0, location: node.location)] } ?? []
    case .mapping:
      sink.add(
        ModelDiagnostics.wrongType(
          what, expected: "a list of names", found: "a mapping",
          at: node.location))
      return []
    }
  }
}

extension YAMLNode {
  /// "a mapping", "a list", "a string", … for messages.
  var kindDescription: String {
    switch content {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let scalar):
      switch scalar.value {
      case .null: return "nothing (null)"
      case .bool: return "a boolean"
      case .int: return "an integer"
      case .float: return "a number"
      case .string: return "a string"
      }
    }
  }

  /// Whether two nodes hold the same data, ignoring marks and scalar styles.
  func sameData(as other: YAMLNode) -> Bool {
    guard tag == other.tag else { return false }
    switch (content, other.content) {
    case (.scalar(let a), .scalar(let b)): return a.value == b.value
    case (.sequence(let a), .sequence(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.sameData(as: $1) }
    case (.mapping(let a), .mapping(let b)):
      return a.count == b.count
        && zip(a, b).allSatisfy { $0.key.sameData(as: $1.key) && $0.value.sameData(as: $1.value) }
    default: return false
    }
  }
}

/// A name written in a file, with where it was written.
public struct NameReference: Sendable, Hashable {
  /// The name as written.
  public var name: String
  /// Where it was written.
  public var location: SourceLocation

  /// A reference to `name` written at `location`.
  public init(name: String, location: SourceLocation) {
    self.name = name
    self.location = location
  }
}
