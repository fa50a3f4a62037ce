/// Python's `==` and `<` over template values, for sorting, uniqueness and comparison tests.
enum ValueComparison {
  /// `a == b` with Python semantics (`1 == 1.0 == True`, lists and dicts element-wise).
  static func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.none, .none): return true
    case (.string(let x), .string(let y)): return x == y
    case (.list(let x), .list(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    case (.map(let x), .map(let y)):
      guard x.count == y.count else { return false }
      for (key, value) in x {
        guard let other = y[key], equal(value, other) else { return false }
      }
      return true
    case (.undefined(let x), .undefined(let y)): return x.name == y.name
    default:
      if let x = numeric(a), let y = numeric(b) { return x == y }
      return false
    }
  }

  /// Whether `a` is one of `items` (Python `in` over a list).
  static func contains(_ items: [Value], _ a: Value) -> Bool {
    items.contains { equal($0, a) }
  }

  private static func numeric(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .bool(let flag): return flag ? 1 : 0
    case .float(let number): return number
    default: return nil
    }
  }

  /// Three-way `a < b` comparison; throws Python's TypeError text for unorderable pairs.
  static func compare(_ a: Value, _ b: Value, _ context: CallContext) throws -> Int {
    switch (a, b) {
    case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
    case (.string(let x), .string(let y)):
      return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        ? -1 : (x == y ? 0 : 1)
    case (.list(let x), .list(let y)):
      for (left, right) in zip(x, y) where !equal(left, right) {
        return try compare(left, right, context)
      }
      return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
    default:
      if let x = numeric(a), let y = numeric(b) { return x < y ? -1 : (x > y ? 1 : 0) }
      try Builtins.requireDefined(a, context)
      try Builtins.requireDefined(b, context)
      throw context.error(
        "'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'",
        kind: .type)
    }
  }

  /// Jinja's `ignore_case` key: strings lower-cased, other values unchanged.
  static func caseFolded(_ value: Value, caseSensitive: Bool) -> Value {
    if !caseSensitive, case .string(let text) = value { return .string(text.lowercased()) }
    return value
  }

  /// Sorts stably by `key` with Python ordering (errors for unorderable values).
  static func sorted(
    _ items: [Value], reverse: Bool, _ context: CallContext, key: (Value) throws -> Value
  ) throws -> [Value] {
    let keyed = try items.enumerated().map { (offset: $0.offset, key: try key($0.element)) }
    var failure: Error?
    let order = keyed.sorted { left, right in
      if failure != nil { return false }
      do {
        let result = try compare(left.key, right.key, context)
        if result == 0 { return left.offset < right.offset }
        return reverse ? result > 0 : result < 0
      } catch {
        failure = error
        return false
      }
    }
    if let failure { throw failure }
    return order.map { items[$0.offset] }
  }
}
