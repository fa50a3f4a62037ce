import Foundation

/// A variable name interned to a small integer at compile time, so lookups compare integers.
struct Symbol: Sendable, Hashable {
  let id: Int
  let name: String

  init(_ name: String) {
    self.name = name
    self.id = SymbolTable.shared.id(for: name)
  }

  static let loop = Symbol("loop")
  static let caller = Symbol("caller")
  static let varargs = Symbol("varargs")
  static let kwargs = Symbol("kwargs")
  /// The subject of a `{% filter %}` or filtered `{% set %}` block (not a valid name).
  static let blockSubject = Symbol("\u{0}subject")
}

/// The process-wide name → id table (used while compiling only).
final class SymbolTable: @unchecked Sendable {
  static let shared = SymbolTable()
  private let lock = NSLock()
  private var ids: [String: Int] = [:]

  func id(for name: String) -> Int {
    lock.lock()
    defer { lock.unlock() }
    if let id = ids[name] { return id }
    let id = ids.count
    ids[name] = id
    return id
  }
}

/// A per-render memo of top-level lookups keyed by symbol id (open addressing, no hashing).
struct TopLevelCache {
  private var keys: [Int]
  private var values: [Value?]
  private var count = 0
  private var mask: Int

  init() {
    keys = Array(repeating: -1, count: 64)
    values = Array(repeating: nil, count: 64)
    mask = 63
  }

  private func slot(_ id: Int) -> Int { (id &* 0x9E37_79B9) & mask }

  /// The cached result: `.some(nil)` when the name is known to be undefined.
  func find(_ id: Int) -> Value?? {
    var index = slot(id)
    while true {
      let key = keys[index]
      if key == id { return .some(values[index]) }
      if key == -1 { return nil }
      index = (index + 1) & mask
    }
  }

  mutating func store(_ id: Int, _ value: Value?) {
    if (count + 1) * 2 > keys.count { grow() }
    var index = slot(id)
    while keys[index] != -1 && keys[index] != id { index = (index + 1) & mask }
    if keys[index] == -1 { count += 1 }
    keys[index] = id
    values[index] = value
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = Array(repeating: -1, count: oldKeys.count * 2)
    values = Array(repeating: nil, count: oldKeys.count * 2)
    mask = keys.count - 1
    count = 0
    for (key, value) in zip(oldKeys, oldValues) where key != -1 { store(key, value) }
  }
}
