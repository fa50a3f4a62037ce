/// An insertion-ordered Python dict whose keys are values.
///
/// The entries live in one shared, copy-on-write storage object, so copying a map (and a `Value`
/// holding one) costs a single reference count.
public struct ValueMap: Sendable, Sequence {
  private var storage: ValueMapStorage

  /// The keys in insertion order.
  public var keys: [Value] { storage.contents.pointee.keys }
  /// The values in insertion order.
  public var values: [Value] { storage.contents.pointee.values }

  /// Creates an empty map.
  public init() {
    storage = ValueMapStorage.empty
  }

  /// Creates a map from pairs; later duplicates replace earlier values in place.
  public init(_ pairs: [(Value, Value)]) {
    storage = ValueMapStorage(ValueMapContents())
    storage.contents.pointee.keys.reserveCapacity(pairs.count)
    storage.contents.pointee.values.reserveCapacity(pairs.count)
    for (key, value) in pairs { self[key] = value }
  }

  /// Creates a map from string-keyed pairs.
  public init(_ pairs: KeyValuePairs<String, Value>) {
    self.init(pairs.map { (Value.string($0.key), $0.value) })
  }

  /// The number of entries.
  public var count: Int { storage.contents.pointee.keys.count }

  /// Whether the map has no entries.
  public var isEmpty: Bool { storage.contents.pointee.keys.isEmpty }

  /// The value for `key`; setting nil removes the entry.
  public subscript(key: Value) -> Value? {
    get {
      if case .string(let string) = key { return storage.contents.pointee.value(forString: string) }
      return storage.contents.pointee.value(for: MapKey(key))
    }
    set {
      if !isKnownUniquelyReferenced(&storage) {
        storage = ValueMapStorage(storage.contents.pointee)
      }
      storage.contents.pointee.set(key, MapKey(key), newValue)
    }
  }

  /// The value for a string key.
  public subscript(key: String) -> Value? {
    get { storage.contents.pointee.value(forString: key) }
    set { self[Value.string(key)] = newValue }
  }

  /// Whether the map holds `key`.
  public func contains(_ key: Value) -> Bool {
    storage.contents.pointee.index[MapKey(key)] != nil
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

/// The entries of a map: keys and values in insertion order, and a key → position index.
struct ValueMapContents {
  var keys: [Value] = []
  var values: [Value] = []
  var index: [MapKey: Int] = [:]

  @inline(__always)
  func value(for key: MapKey) -> Value? {
    guard let position = index[key] else { return nil }
    return values[position]
  }

  /// The value for a string key: small maps compare keys directly instead of hashing (only a
  /// string key can equal a string).
  @inline(__always)
  func value(forString key: String) -> Value? {
    guard keys.count <= 8 else { return value(for: MapKey(string: key)) }
    for position in keys.indices {
      if case .string(let candidate) = keys[position], candidate == key { return values[position] }
    }
    return nil
  }

  mutating func set(_ key: Value, _ mapKey: MapKey, _ newValue: Value?) {
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

  private mutating func remove(at position: Int) {
    keys.remove(at: position)
    values.remove(at: position)
    index.removeAll(keepingCapacity: true)
    for (offset, key) in keys.enumerated() { index[MapKey(key)] = offset }
  }
}

/// The shared storage of a `ValueMap`; pointer-backed so reads have no dynamic exclusivity checks.
/// Only a uniquely referenced storage is ever mutated (copy on write).
final class ValueMapStorage: @unchecked Sendable {
  let contents: UnsafeMutablePointer<ValueMapContents>

  /// The storage every empty map starts from (copied before its first write).
  static let empty = ValueMapStorage(ValueMapContents())

  init(_ contents: ValueMapContents) {
    self.contents = .allocate(capacity: 1)
    self.contents.initialize(to: contents)
  }

  deinit {
    contents.deinitialize(count: 1)
    contents.deallocate()
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

  /// The key of a string.
  @inline(__always)
  init(string: String) { storage = .string(string) }

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
