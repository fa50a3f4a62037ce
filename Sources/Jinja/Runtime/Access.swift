/// Attribute, item and slice access, and iteration, with Jinja2's lookup rules.
enum Access {
  /// `base.name`: an item of a mapping, else undefined with a reason.
  static func attribute(_ base: Value, _ name: String, text: @autoclosure () -> String) throws
    -> Value
  {
    switch base {
    case .map(let map):
      if let value = map[name] { return value }
    case .object(let object):
      if let value = try object.value(forKey: name) { return value }
    case .undefined(let undefined):
      return .undefined(
        Undefined(name: text(), hint: undefined.hint ?? "'\(undefined.name)' is undefined"))
    case .callable(let callable) where name == "name":
      return .string(callable.name)
    default: break
    }
    return .undefined(
      Undefined(name: text(), hint: "object of type '\(base.typeName)' has no attribute '\(name)'"))
  }

  /// `base[key]`: mapping key, sequence index (negative from the end), else undefined.
  static func item(_ base: Value, _ key: Value, text: @autoclosure () -> String) throws -> Value {
    switch base {
    case .map(let map):
      if let value = map[key] { return value }
    case .list(let items):
      if let index = key.intValue, !isFloat(key) {
        let position = index < 0 ? items.count + index : index
        if position >= 0 && position < items.count { return items[position] }
      }
    case .string(let string):
      if let index = key.intValue, !isFloat(key) {
        let characters = Array(string)
        let position = index < 0 ? characters.count + index : index
        if position >= 0 && position < characters.count {
          return .string(String(characters[position]))
        }
      }
    case .object(let object):
      if case .string(let name) = key, let value = try object.value(forKey: name) { return value }
    case .undefined(let undefined):
      return .undefined(
        Undefined(name: text(), hint: undefined.hint ?? "'\(undefined.name)' is undefined"))
    default: break
    }
    return .undefined(
      Undefined(
        name: text(), hint: "object of type '\(base.typeName)' has no attribute \(key.pythonRepr())"
      ))
  }

  private static func isFloat(_ value: Value) -> Bool {
    if case .float = value { return true }
    return false
  }

  /// `base[start:stop:step]` on lists and strings.
  static func slice(_ base: Value, _ start: Value?, _ stop: Value?, _ step: Value?) throws -> Value
  {
    func bound(_ value: Value?) throws -> Int? {
      guard let value, !value.isNone else { return nil }
      guard let integer = value.intValue else {
        throw OperationError.type(
          "slice indices must be integers or None, not \(value.typeName)")
      }
      return integer
    }
    let step = try bound(step) ?? 1
    guard step != 0 else { throw OperationError.value("slice step cannot be zero") }
    let first = try bound(start)
    let last = try bound(stop)
    switch base {
    case .list(let items):
      return .list(sliceIndices(items.count, first, last, step).map { items[$0] })
    case .string(let string):
      let characters = Array(string)
      return .string(
        String(sliceIndices(characters.count, first, last, step).map { characters[$0] }))
    default:
      throw OperationError.type("'\(base.typeName)' object is not subscriptable")
    }
  }

  /// Python's `slice.indices` expansion.
  static func sliceIndices(_ count: Int, _ start: Int?, _ stop: Int?, _ step: Int) -> [Int] {
    func clamp(_ value: Int?, _ defaultValue: Int, low: Int, high: Int) -> Int {
      guard var value else { return defaultValue }
      if value < 0 { value += count }
      return min(max(value, low), high)
    }
    var indices: [Int] = []
    if step > 0 {
      var index = clamp(start, 0, low: 0, high: count)
      let end = clamp(stop, count, low: 0, high: count)
      while index < end {
        indices.append(index)
        index += step
      }
    } else {
      var index = clamp(start, count - 1, low: -1, high: count - 1)
      let end = clamp(stop, -1, low: -1, high: count - 1)
      while index > end {
        indices.append(index)
        index += step
      }
    }
    return indices
  }

  /// The items a `for` loop visits: list items, mapping keys, string characters.
  static func iterate(_ value: Value) throws -> [Value] {
    switch value {
    case .list(let items): return items
    case .map(let map): return map.keys
    case .string(let string): return string.map { .string(String($0)) }
    case .object(let object): return try object.keys().map(Value.string)
    default: throw OperationError.type("'\(value.typeName)' object is not iterable")
    }
  }

  /// `len(value)` for sized values.
  static func length(_ value: Value) throws -> Int {
    switch value {
    case .list(let items): return items.count
    case .map(let map): return map.count
    case .string(let string): return string.count
    case .object(let object): return try object.keys().count
    default: throw OperationError.type("object of type '\(value.typeName)' has no len()")
    }
  }
}
