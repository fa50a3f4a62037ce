import Foundation

/// The mutable object `namespace(...)` returns; `{% set ns.name = value %}` assigns into it.
final class NamespaceObject: DynamicObject, @unchecked Sendable {
  private let lock = NSLock()
  private var storage: ValueMap

  init(_ values: ValueMap) { storage = values }

  var typeName: String { "Namespace" }

  func value(forKey key: String) throws -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return storage[key]
  }

  func keys() throws -> [String] {
    lock.lock()
    defer { lock.unlock() }
    return storage.keys.map { $0.pythonString() }
  }

  func set(_ key: String, _ value: Value) {
    lock.lock()
    storage[key] = value
    lock.unlock()
  }

  /// The attributes as a map, for printing.
  var snapshot: ValueMap {
    lock.lock()
    defer { lock.unlock() }
    return storage
  }
}
