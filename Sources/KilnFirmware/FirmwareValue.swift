import Jinja
import KilnDiagnostics
import KilnFormats
import KilnYAML

/// A plain data value of a firmware setting (an attribute value or a logical-disk field), as
/// read from a profile or evaluated from a host variable.
public indirect enum FirmwareValue: Sendable, Hashable {
  /// `null`: in a profile or override, removes what lies below.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A number with a fraction (never valid in a Redfish or Ironic document, kept to report it).
  case float(Double)
  /// A string.
  case string(String)
  /// A list.
  case list([FirmwareValue])
  /// A mapping, in order.
  case map([FirmwareEntry])

  /// A word for messages: `a string`, `an integer`, …
  public var kindDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .float: "a number with a fraction"
    case .string: "a string"
    case .list: "a list"
    case .map: "a mapping"
    }
  }

  /// The value as a JSON value (mapping order kept).
  public var json: JSONValue {
    switch self {
    case .null: .null
    case .bool(let flag): .bool(flag)
    case .int(let number): .number(String(number))
    case .float(let number): .number(String(number))
    case .string(let text): .string(text)
    case .list(let items): .array(items.map(\.json))
    case .map(let entries): .object(entries.map { JSONMember($0.key, $0.value.json) })
    }
  }

  /// The value as a YAML node (strings quoted where a plain scalar would read otherwise).
  func yamlNode(at location: SourceLocation) -> YAMLNode {
    switch self {
    case .null: YAMLNode(.scalar(YAMLScalar(plain: "null")), location: location)
    case .bool(let flag): YAMLNode(.scalar(YAMLScalar(plain: String(flag))), location: location)
    case .int(let number):
      YAMLNode(.scalar(YAMLScalar(plain: String(number))), location: location)
    case .float(let number):
      YAMLNode(.scalar(YAMLScalar(plain: String(number))), location: location)
    case .string(let text): YAMLNode(.scalar(YAMLScalar(string: text)), location: location)
    case .list(let items):
      YAMLNode(.sequence(items.map { $0.yamlNode(at: location) }), location: location)
    case .map(let entries):
      YAMLNode(
        .mapping(
          entries.map {
            YAMLPair(
              key: YAMLNode(.scalar(YAMLScalar(string: $0.key)), location: location),
              value: $0.value.yamlNode(at: location))
          }), location: location)
    }
  }

  /// The data of a YAML node; nil for a `!secret` or other Kiln-tagged node.
  init?(_ node: YAMLNode) {
    if node.tag != nil { return nil }
    switch node.content {
    case .scalar(let scalar):
      switch scalar.value {
      case .null: self = .null
      case .bool(let flag): self = .bool(flag)
      case .int(let number): self = .int(number)
      case .float(let number): self = .float(number)
      case .string(let text): self = .string(text)
      }
    case .sequence(let items):
      var values: [FirmwareValue] = []
      for item in items {
        guard let value = FirmwareValue(item) else { return nil }
        values.append(value)
      }
      self = .list(values)
    case .mapping(let pairs):
      var entries: [FirmwareEntry] = []
      for pair in pairs {
        guard let key = pair.key.scalar?.text, let value = FirmwareValue(pair.value) else {
          return nil
        }
        entries.append(FirmwareEntry(key: key, value: value))
      }
      self = .map(entries)
    }
  }

  /// The data of an evaluated template value; nil for undefined values, callables and objects.
  init?(_ value: Value) {
    switch value {
    case .none: self = .null
    case .bool(let flag): self = .bool(flag)
    case .int(let number): self = .int(number)
    case .float(let number): self = .float(number)
    case .string(let text): self = .string(text)
    case .list(let items):
      var values: [FirmwareValue] = []
      for item in items {
        guard let converted = FirmwareValue(item) else { return nil }
        values.append(converted)
      }
      self = .list(values)
    case .map(let map):
      var entries: [FirmwareEntry] = []
      for (key, item) in map {
        guard case .string(let name) = key, let converted = FirmwareValue(item) else {
          return nil
        }
        entries.append(FirmwareEntry(key: name, value: converted))
      }
      self = .map(entries)
    case .undefined, .callable, .object:
      return nil
    }
  }
}

/// One key with its value: an entry of a `FirmwareValue.map` (`FirmwareEntry`), or an attribute
/// or logical-disk field with the line that set it (`LocatedEntry`).
public struct KeyedEntry<Value: Sendable & Hashable>: Sendable, Hashable {
  /// The key.
  public var key: String
  /// The value.
  public var value: Value

  /// Creates an entry.
  public init(key: String, value: Value) {
    self.key = key
    self.value = value
  }
}

/// One key/value pair of a `FirmwareValue.map`.
public typealias FirmwareEntry = KeyedEntry<FirmwareValue>

/// An attribute or logical-disk field with its located value.
public typealias LocatedEntry = KeyedEntry<LocatedValue>

/// A value with the line that set it: the profile line, or the layer that overrode it.
public struct LocatedValue: Sendable, Hashable {
  /// The value.
  public var value: FirmwareValue
  /// Where it was written.
  public var location: SourceLocation

  /// Creates a located value.
  public init(_ value: FirmwareValue, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}
