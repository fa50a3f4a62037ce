/// An insertion-ordered Python dict whose keys are values.
public struct ValueMap: Sendable, Sequence {
  /// The keys in insertion order.
  public private(set) var keys: [Value]
  /// The values in insertion order.
  public private(set) var values: [Value]
  private var index: [MapKey: Int]

  /// Creates an empty map.
  public init() {
    keys = []
    values = []
    index = [:]
  }

  /// Creates a map from pairs; later duplicates replace earlier values in place.
  public init(_ pairs: [(Value, Value)]) {
    self.init()
    keys.reserveCapacity(pairs.count)
    values.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// Creates a map from string-keyed pairs.
  public init(_ pairs: KeyValuePairs<String, Value>) {
    self.init(pairs.map { (Value.string($0.key), $0.value) })
  }

  /// The number of entries.
  public var count: Int { keys.count }

  /// Whether the map has no entries.
  public var isEmpty: Bool { keys.isEmpty }

  /// The value for `key`; setting nil removes the entry.
  public subscript(key: Value) -> Value? {
    get {
      guard let position = index[MapKey(key)] else { return nil }
      return values[position]
    }
    set {
      let mapKey = MapKey(key)
      if let position = index[mapKey] {
        if let newValue {
          values[position] = newValue
        } else {
          remove(at: position)
        }
      } else if let newValue {
        index[mapKey] = keys.count
        keys.append(key)
        values.append(newValue)
      }
    }
  }

  /// The value for a string key.
  public subscript(key: String) -> Value? {
    get { self[Value.string(key)] }
    set { self[Value.string(key)] = newValue }
  }

  /// Whether the map holds `key`.
  public func contains(_ key: Value) -> Bool { index[MapKey(key)] != nil }

  private mutating func remove(at position: Int) {
    keys.remove(at: position)
    values.remove(at: position)
    index.removeAll(keepingCapacity: true)
    for (offset, key) in keys.enumerated() { index[MapKey(key)] = offset }
  }

  /// Iterates `(key, value)` pairs in insertion order.
  public func makeIterator() -> some IteratorProtocol<(key: Value, value: Value)> {
    var position = 0
    let keys = keys
    let values = values
    return AnyIterator {
      guard position < keys.count else { return nil }
      defer { position += 1 }
      return (key: keys[position], value: values[position])
    }
  }
}

/// A hashable projection of a value with Python's key equality (`1 == 1.0 == True`).
struct MapKey: Hashable {
  private enum Storage: Hashable {
    case none
    case number(Double)
    case integer(Int)
    case string(String)
    case tuple([MapKey])
    case other(String)
  }
  private let storage: Storage

  init(_ value: Value) {
    switch value {
    case .none: storage = .none
    case .bool(let b): storage = .integer(b ? 1 : 0)
    case .int(let i): storage = .integer(i)
    case .float(let d):
      if d.rounded() == d, let exact = Int(exactly: d) {
        storage = .integer(exact)
      } else {
        storage = .number(d)
      }
    case .string(let s): storage = .string(s)
    case .list(let items): storage = .tuple(items.map(MapKey.init))
    case .undefined(let u): storage = .other("undefined:" + u.name)
    case .map, .callable, .object: storage = .other(value.pythonRepr())
    }
  }
}
