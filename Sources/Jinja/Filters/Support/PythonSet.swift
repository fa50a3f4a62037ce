import Foundation

/// CPython 3.11's `set` table (open addressing, linear probes, perturbation, resizing), so that
/// `list(set(a) | set(b))` and friends come out in the order Ansible prints them. Only numbers
/// and booleans have hashes that do not change between Python runs; other values are not
/// modelled (`hash` returns nil).
struct PythonSet {
  private struct Entry {
    var key: Value
    var hash: Int64
    var isDummy = false
  }

  private var table: [Entry?] = Array(repeating: nil, count: 8)
  private var fill = 0
  private(set) var used = 0
  private var mask: Int { table.count - 1 }
  private static let linearProbes = 9
  private static let modulus: UInt64 = (1 << 61) - 1

  /// Python's `hash(value)` for ints, bools and finite floats; nil otherwise.
  static func hash(_ value: Value) -> Int64? {
    switch value {
    case .bool(let flag): return flag ? 1 : 0
    case .int(let number): return integerHash(number)
    case .float(let number):
      guard number.isFinite else { return number.isNaN ? nil : (number > 0 ? 314_159 : -314_159) }
      if number.rounded() == number, let exact = Int(exactly: number) { return integerHash(exact) }
      return floatHash(number)
    default: return nil
    }
  }

  private static func integerHash(_ number: Int) -> Int64 {
    let magnitude = Int64(UInt64(number.magnitude) % modulus)
    let result = number < 0 ? -magnitude : magnitude
    return result == -1 ? -2 : result
  }

  private static func floatHash(_ number: Double) -> Int64 {
    var exponent: Int32 = 0
    var mantissa = frexp(abs(number), &exponent)
    var x: UInt64 = 0
    var e = Int(exponent)
    while mantissa != 0 {
      x = ((x << 28) & modulus) | x >> (61 - 28)
      mantissa *= 268_435_456.0
      e -= 28
      let y = UInt64(mantissa)
      mantissa -= Double(y)
      x += y
      if x >= modulus { x -= modulus }
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
    x = ((x << UInt64(e)) & modulus) | x >> UInt64(61 - e)
    var result = Int64(bitPattern: x)
    if number < 0 { result = -result }
    return result == -1 ? -2 : result
  }

  /// A set built from `items` as `set(items)` builds it; nil when an item has no stable hash.
  init?(_ items: [Value]) {
    for item in items {
      guard let hash = PythonSet.hash(item) else { return nil }
      add(item, hash)
    }
  }

  private init(capacity: Int) { table = Array(repeating: nil, count: capacity) }

  /// The items in iteration order.
  var items: [Value] { table.compactMap { entry in entry.flatMap { $0.isDummy ? nil : $0.key } } }

  private var entries: [(Value, Int64)] {
    table.compactMap { entry in entry.flatMap { $0.isDummy ? nil : ($0.key, $0.hash) } }
  }

  private func probe(_ hash: Int64, _ visit: (Int) -> Bool) {
    var perturb = UInt64(bitPattern: hash)
    var index = Int(UInt64(bitPattern: hash) & UInt64(mask))
    while true {
      let probes = index + PythonSet.linearProbes <= mask ? PythonSet.linearProbes : 0
      for offset in 0...probes where visit(index + offset) { return }
      perturb >>= 5
      index = Int((UInt64(index) &* 5 &+ 1 &+ perturb) & UInt64(mask))
    }
  }

  /// The slot holding `key`, if any.
  private func find(_ key: Value, _ hash: Int64) -> Int? {
    var found: Int?
    probe(hash) { slot in
      guard let entry = table[slot] else { return true }
      if !entry.isDummy, entry.hash == hash, ValueComparison.equal(entry.key, key) {
        found = slot
        return true
      }
      return false
    }
    return found
  }

  /// Whether the set holds `key`.
  func contains(_ key: Value, _ hash: Int64) -> Bool { find(key, hash) != nil }

  /// `set_add_entry`.
  mutating func add(_ key: Value, _ hash: Int64) {
    var freeSlot: Int?
    var target: Int?
    probe(hash) { slot in
      guard let entry = table[slot] else {
        target = slot
        return true
      }
      if entry.isDummy {
        if freeSlot == nil { freeSlot = slot }
      } else if entry.hash == hash, ValueComparison.equal(entry.key, key) {
        return true
      }
      return false
    }
    guard let target else { return }
    if let freeSlot {
      table[freeSlot] = Entry(key: key, hash: hash)
      used += 1
      return
    }
    table[target] = Entry(key: key, hash: hash)
    fill += 1
    used += 1
    if fill * 5 >= mask * 3 { resize(used > 50000 ? used * 2 : used * 4) }
  }

  /// `set_discard_entry`: leaves a dummy.
  mutating func discard(_ key: Value, _ hash: Int64) -> Bool {
    guard let slot = find(key, hash) else { return false }
    table[slot]?.isDummy = true
    used -= 1
    return true
  }

  private mutating func resize(_ minimumUsed: Int) {
    var size = 8
    while size <= minimumUsed { size <<= 1 }
    let old = entries
    table = Array(repeating: nil, count: size)
    fill = old.count
    used = old.count
    for (key, hash) in old { insertClean(key, hash) }
  }

  /// `set_insert_clean`: into a table without dummies or duplicates.
  private mutating func insertClean(_ key: Value, _ hash: Int64) {
    probe(hash) { slot in
      guard table[slot] == nil else { return false }
      table[slot] = Entry(key: key, hash: hash)
      return true
    }
  }

  /// `set_merge(self, other)`.
  mutating func merge(_ other: PythonSet) {
    guard other.used > 0 else { return }
    if (fill + other.used) * 5 >= mask * 3 { resize((used + other.used) * 2) }
    if fill == 0, mask == other.mask, other.fill == other.used {
      table = other.table
      fill = other.fill
      used = other.used
      return
    }
    if fill == 0 {
      fill = other.used
      used = other.used
      for (key, hash) in other.entries { insertClean(key, hash) }
      return
    }
    for (key, hash) in other.entries { add(key, hash) }
  }

  /// `a | b`.
  static func union(_ a: PythonSet, _ b: PythonSet) -> PythonSet {
    var result = PythonSet(capacity: 8)
    result.merge(a)
    result.merge(b)
    return result
  }

  /// `a & b`.
  static func intersection(_ a: PythonSet, _ b: PythonSet) -> PythonSet {
    let (larger, smaller) = b.used > a.used ? (b, a) : (a, b)
    var result = PythonSet(capacity: 8)
    for (key, hash) in smaller.entries where larger.contains(key, hash) { result.add(key, hash) }
    return result
  }

  /// `a - b`.
  static func difference(_ a: PythonSet, _ b: PythonSet) -> PythonSet {
    if a.used >> 2 > b.used {
      var result = PythonSet(capacity: 8)
      result.merge(a)
      for (key, hash) in b.entries { _ = result.discard(key, hash) }
      return result
    }
    var result = PythonSet(capacity: 8)
    for (key, hash) in a.entries where !b.contains(key, hash) { result.add(key, hash) }
    return result
  }

  /// `a ^ b`.
  static func symmetricDifference(_ a: PythonSet, _ b: PythonSet) -> PythonSet {
    var result = PythonSet(capacity: 8)
    result.merge(b)
    for (key, hash) in a.entries where !result.discard(key, hash) { result.add(key, hash) }
    return result
  }
}
