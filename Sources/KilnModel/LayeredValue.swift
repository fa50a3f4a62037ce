import KilnDiagnostics
import KilnYAML

/// How a layer changed a value.
public enum MergeOperation: String, Sendable, Hashable {
  /// Set (or replaced, where the types differ).
  case set
  /// A mapping merged key by key into the one below.
  case merge
  /// `!append`: items added after the list below.
  case append
  /// `!prepend`: items added before the list below.
  case prepend
  /// `!remove`: items (or keys) taken out of the value below.
  case remove
  /// `!replace`: the value below replaced whole, without merging.
  case replace
  /// `!unset`: the key removed, so the variable is undefined.
  case unset
  /// `!secret name`: a reference to a secret.
  case secret
}

/// One layer's contribution to a value: where, which layer, what it did and what it wrote.
public struct Contribution: Sendable {
  /// The layer, as `explain` prints it (`group_vars/control.yaml (env prod)`).
  public var layer: String
  /// What the layer did to the value below it.
  public var operation: MergeOperation
  /// The node as written in the layer (its `location` is the line to edit).
  public var node: YAMLNode

  /// Where the layer wrote it.
  public var location: SourceLocation { node.location }
}

/// An effective value with its provenance: the contributions that made it, lowest first.
public struct LayeredValue: Sendable {
  /// The value's data.
  public enum Content: Sendable {
    /// A scalar (null, bool, int, float or string).
    case scalar(ScalarValue)
    /// A `!secret name` reference, shown as `<secret name>` until secrets are resolved.
    case secret(String)
    /// A list of values.
    case list([LayeredValue])
    /// A mapping of values.
    case map(LayeredMap)
    /// Removed by `!unset`: the key is undefined (kept to explain why).
    case unset
  }

  /// The effective data.
  public var content: Content
  /// Every layer that set or changed this value, lowest first; the last made it what it is.
  public var history: [Contribution]

  /// The contribution that produced the effective value.
  public var origin: Contribution? { history.last }

  /// Whether the value is defined (not removed by `!unset`).
  public var isDefined: Bool {
    if case .unset = content { return false }
    return true
  }

  /// The value at a nested key path (`["mariadb", "max_connections"]`; a number indexes a
  /// list), if defined.
  public func value(at path: some Collection<String>) -> LayeredValue? {
    guard let first = path.first else { return isDefined ? self : nil }
    switch content {
    case .map(let map):
      return map[first]?.value(at: path.dropFirst())
    case .list(let items):
      let defined = items.filter(\.isDefined)
      guard let position = Int(first), defined.indices.contains(position) else { return nil }
      return defined[position].value(at: path.dropFirst())
    default:
      return nil
    }
  }
}

/// An insertion-ordered mapping of layered values keyed by the key's text.
public struct LayeredMap: Sendable {
  /// The keys in order: existing keys keep their position, new keys append.
  public private(set) var keys: [String] = []
  private var storage: [String: LayeredValue] = [:]

  /// An empty mapping.
  public init() {}

  /// The value for `key` (including values removed by `!unset`).
  public subscript(key: String) -> LayeredValue? {
    get { storage[key] }
    set {
      if let newValue {
        if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
      } else if storage.removeValue(forKey: key) != nil {
        keys.removeAll { $0 == key }
      }
    }
  }

  /// The defined keys (without those removed by `!unset`), in order.
  public var definedKeys: [String] { keys.filter { storage[$0]?.isDefined ?? false } }

  /// The defined entries in order.
  public var definedEntries: [(key: String, value: LayeredValue)] {
    keys.compactMap { key in storage[key].flatMap { $0.isDefined ? (key, $0) : nil } }
  }
}
