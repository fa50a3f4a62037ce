/// Python equality, ordering and membership on values.
extension Value {
  /// Python `==`: numbers compare across int, float and bool; containers compare deeply.
  public func isEqual(to other: Value) -> Bool {
    switch (self, other) {
    case (.none, .none): return true
    case (.string(let a), .string(let b)): return a == b
    case (.list(let a), .list(let b)):
      guard a.count == b.count else { return false }
      for (x, y) in zip(a, b) where !x.isEqual(to: y) { return false }
      return true
    case (.map(let a), .map(let b)):
      guard a.count == b.count else { return false }
      for (key, value) in a {
        guard let otherValue = b[key], value.isEqual(to: otherValue) else { return false }
      }
      return true
    case (.undefined, .undefined): return true
    case (.callable(let a), .callable(let b)): return a.name == b.name
    case (.object(let a), .object(let b)):
      return (a as AnyObject) === (b as AnyObject)
    default:
      if let a = numericValue, let b = other.numericValue {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x == y
        default: return a.double == b.double
        }
      }
      return false
    }
  }

  /// Python ordering (`<`); nil when the types cannot be ordered.
  func isLess(than other: Value) -> Bool? {
    switch (self, other) {
    case (.string(let a), .string(let b)):
      return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    case (.list(let a), .list(let b)):
      for (x, y) in zip(a, b) where !x.isEqual(to: y) { return x.isLess(than: y) }
      return a.count < b.count
    default:
      guard let a = numericValue, let b = other.numericValue else { return nil }
      switch (a, b) {
      case (.integer(let x), .integer(let y)): return x < y
      default: return a.double < b.double
      }
    }
  }

  /// Python `self in container`; nil when the container does not support membership.
  func isContained(in container: Value) throws -> Bool? {
    switch container {
    case .string(let haystack):
      guard case .string(let needle) = self else { return nil }
      return needle.isEmpty || haystack.contains(needle)
    case .list(let items):
      if let indexed = MembershipIndex.contains(self, in: items) { return indexed }
      return items.contains { $0.isEqual(to: self) }
    case .map(let map): return map.contains(self)
    case .object(let object):
      guard case .string(let key) = self else { return false }
      return try object.keys().contains(key)
    default: return nil
    }
  }

  enum Numeric {
    case integer(Int)
    case floating(Double)
    var double: Double {
      switch self {
      case .integer(let i): return Double(i)
      case .floating(let d): return d
      }
    }
  }

  var numericValue: Numeric? {
    switch self {
    case .int(let i): return .integer(i)
    case .bool(let b): return .integer(b ? 1 : 0)
    case .float(let d): return .floating(d)
    default: return nil
    }
  }
}

/// Comparison operators on values.
enum Comparison {
  static func compare(_ op: CompareOperator, _ left: Value, _ right: Value) throws -> Bool {
    switch op {
    case .equal: return left.isEqual(to: right)
    case .notEqual: return !left.isEqual(to: right)
    case .less: return try order("<", left, right) { left.isLess(than: right) }
    case .greater: return try order(">", left, right) { right.isLess(than: left) }
    case .lessEqual:
      return try order("<=", left, right) {
        left.isEqual(to: right) ? true : left.isLess(than: right)
      }
    case .greaterEqual:
      return try order(">=", left, right) {
        left.isEqual(to: right) ? true : right.isLess(than: left)
      }
    case .contains: return try contains(left, right)
    case .notContains: return try !contains(left, right)
    }
  }

  private static func order(
    _ symbol: String, _ left: Value, _ right: Value, _ body: () -> Bool?
  ) throws -> Bool {
    if let result = body(), left.isOrderable(with: right) { return result }
    throw OperationError.type(
      "'\(symbol)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'")
  }

  private static func contains(_ needle: Value, _ container: Value) throws -> Bool {
    if let result = try needle.isContained(in: container) { return result }
    if case .string = container {
      throw OperationError.type(
        "'in <string>' requires string as left operand, not \(needle.typeName)")
    }
    throw OperationError.type("argument of type '\(container.typeName)' is not iterable")
  }
}

extension Value {
  fileprivate func isOrderable(with other: Value) -> Bool {
    switch (self, other) {
    case (.string, .string), (.list, .list): return true
    default: return numericValue != nil && other.numericValue != nil
    }
  }
}
