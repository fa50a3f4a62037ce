/// Ansible's list filters: flatten, zip, union, intersect, difference, symmetric_difference.
///
/// Ansible's set filters go through Python `set()`, whose order is arbitrary; Kiln keeps the
/// first-occurrence order so output is deterministic.
enum SetFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "flatten": flatten, "zip": zip, "zip_longest": zipLongest, "union": union,
    "intersect": intersect, "difference": difference,
    "symmetric_difference": symmetricDifference,
  ]

  /// `flatten(levels=None, skip_nulls=True)`: nested lists flattened; None/'None'/'null' dropped.
  static func flatten(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["levels", "skip_nulls"], "flatten", context)
    let levelsValue = arguments.value(0, "levels", default: .none)
    let levels = levelsValue.isNone ? nil : try arguments.int(0, "levels", default: nil, context)
    let skipNulls = arguments.flag(1, "skip_nulls", default: true)
    return .list(
      flattened(try ValueIteration.items(value, context), levels: levels, skipNulls: skipNulls))
  }

  private static func flattened(_ items: [Value], levels: Int?, skipNulls: Bool) -> [Value] {
    var result: [Value] = []
    for element in items {
      if skipNulls, isNull(element) { continue }
      if case .list(let inner) = element, levels.map({ $0 >= 1 }) ?? true {
        result += flattened(inner, levels: levels.map { $0 - 1 }, skipNulls: skipNulls)
      } else {
        result.append(element)
      }
    }
    return result
  }

  private static func isNull(_ value: Value) -> Bool {
    switch value {
    case .none: return true
    case .string(let text): return text == "None" || text == "null"
    default: return false
    }
  }

  /// `zip(*others)`: lists of the n-th items, as long as the shortest input.
  static func zip(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    let inputs = try ([value] + arguments.positional).map { try ValueIteration.items($0, context) }
    let length = inputs.map(\.count).min() ?? 0
    return .list((0..<length).map { index in .list(inputs.map { $0[index] }) })
  }

  /// `zip_longest(*others, fillvalue=None)`.
  static func zipLongest(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let fill = arguments["fillvalue"] ?? Value.none
    let inputs = try ([value] + arguments.positional).map { try ValueIteration.items($0, context) }
    let length = inputs.map(\.count).max() ?? 0
    return .list(
      (0..<length).map { index in
        .list(inputs.map { index < $0.count ? $0[index] : fill })
      })
  }

  private static func operands(
    _ value: Value, _ arguments: Arguments, _ context: CallContext, _ name: String
  ) throws -> ([Value], [Value]) {
    try arguments.check(["b"], name, context)
    guard let other = arguments.argument(0, "b") else {
      throw context.error("\(name)() requires a second list", kind: .filter)
    }
    return (try ValueIteration.items(value, context), try ValueIteration.items(other, context))
  }

  /// The items without repeats, in first-occurrence order.
  static func distinct(_ items: [Value]) -> [Value] {
    var result: [Value] = []
    for item in items where !ValueComparison.contains(result, item) { result.append(item) }
    return result
  }

  /// `union(b)`.
  static func union(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let (a, b) = try operands(value, arguments, context, "union")
    return .list(distinct(a + b))
  }

  /// `intersect(b)`.
  static func intersect(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let (a, b) = try operands(value, arguments, context, "intersect")
    return .list(distinct(a.filter { ValueComparison.contains(b, $0) }))
  }

  /// `difference(b)`.
  static func difference(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let (a, b) = try operands(value, arguments, context, "difference")
    return .list(distinct(a.filter { !ValueComparison.contains(b, $0) }))
  }

  /// `symmetric_difference(b)`.
  static func symmetricDifference(
    _ value: Value, _ arguments: Arguments, _ context: CallContext
  ) throws -> Value {
    let (a, b) = try operands(value, arguments, context, "symmetric_difference")
    let both = a.filter { ValueComparison.contains(b, $0) }
    return .list(distinct(a + b).filter { !ValueComparison.contains(both, $0) })
  }
}
