/// Comparison tests: eq/ne/lt/le/gt/ge (and their operator aliases), in, divisibleby, even, odd.
enum ComparisonTests {
  /// The tests of this family by name.
  static let all: [String: Test] = [
    "eq": eq, "==": eq, "equalto": eq, "ne": ne, "!=": ne,
    "lt": ordered { $0 < 0 }, "<": ordered { $0 < 0 }, "lessthan": ordered { $0 < 0 },
    "le": ordered { $0 <= 0 }, "<=": ordered { $0 <= 0 },
    "gt": ordered { $0 > 0 }, ">": ordered { $0 > 0 }, "greaterthan": ordered { $0 > 0 },
    "ge": ordered { $0 >= 0 }, ">=": ordered { $0 >= 0 },
    "in": isIn, "divisibleby": divisibleby, "even": even, "odd": odd,
  ]

  private static func operand(_ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check(["other"], "comparison", context)
    guard let other = arguments.argument(0, "other") else {
      throw context.error("the comparison test requires a value to compare with", kind: .test)
    }
    return other
  }

  /// `eq(other)`.
  static func eq(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    let other = try operand(arguments, context)
    try Builtins.requireDefined(value, context)
    return ValueComparison.equal(value, other)
  }

  /// `ne(other)`.
  static func ne(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    try !eq(value, arguments, context)
  }

  /// A test comparing with Python ordering and accepting the three-way result.
  static func ordered(_ accept: @escaping @Sendable (Int) -> Bool) -> Test {
    { value, arguments, context in
      accept(try ValueComparison.compare(value, try operand(arguments, context), context))
    }
  }

  /// `in(seq)`: list membership, dict key, substring.
  static func isIn(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    try arguments.check(["seq"], "in", context)
    guard let container = arguments.argument(0, "seq") else {
      throw context.error("in() requires a container", kind: .test)
    }
    return try contains(container, value, context)
  }

  /// Python's `item in container`.
  static func contains(_ container: Value, _ item: Value, _ context: CallContext) throws -> Bool {
    switch container {
    case .string(let text):
      guard case .string(let needle) = item else {
        throw context.error(
          "'in <string>' requires string as left operand, not \(item.typeName)", kind: .type)
      }
      return needle.isEmpty || text.contains(needle)
    case .list(let items): return ValueComparison.contains(items, item)
    case .map(let map): return map.contains(item)
    case .object(let object):
      guard case .string(let key) = item else { return false }
      return try object.keys().contains(key)
    default:
      try Builtins.requireDefined(container, context)
      throw context.error(
        "argument of type '\(container.typeName)' is not iterable", kind: .type)
    }
  }

  private static func integer(_ value: Value, _ context: CallContext) throws -> Double {
    guard let number = value.doubleValue else {
      try Builtins.requireDefined(value, context)
      throw context.error("expected a number, got \(value.typeName)", kind: .type)
    }
    return number
  }

  /// `divisibleby(num)`.
  static func divisibleby(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    try arguments.check(["num"], "divisibleby", context)
    let divisor = try integer(arguments.value(0, "num", default: .none), context)
    guard divisor != 0 else { throw context.error("integer modulo by zero", kind: .runtime) }
    return try integer(value, context).truncatingRemainder(dividingBy: divisor) == 0
  }

  /// `even`.
  static func even(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    try arguments.check([], "even", context)
    return try integer(value, context).truncatingRemainder(dividingBy: 2) == 0
  }

  /// `odd`.
  static func odd(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool {
    try arguments.check([], "odd", context)
    return try integer(value, context).truncatingRemainder(dividingBy: 2) != 0
  }
}
