/// Ansible's collection and path tests: contains, subset, superset, abs.
enum CollectionTests {
  /// The tests of this family by name.
  static let all: [String: Test] = [
    "contains": contains, "subset": subset, "superset": superset, "abs": isAbsolutePath,
  ]

  private static func other(_ arguments: Arguments, _ name: String, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["other"], name, context)
    guard let value = arguments.argument(0, "other") else {
      throw context.error("\(name)() requires an argument", kind: .test)
    }
    return value
  }

  /// `contains(item)`: `item in seq`.
  static func contains(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    try ComparisonTests.contains(value, try other(arguments, "contains", context), context)
  }

  /// `subset(b)`: every item of the value is in `b`.
  static func subset(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool
  {
    let container = try ValueIteration.items(try other(arguments, "subset", context), context)
    return try ValueIteration.items(value, context).allSatisfy {
      ValueComparison.contains(container, $0)
    }
  }

  /// `superset(b)`: every item of `b` is in the value.
  static func superset(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    let container = try ValueIteration.items(value, context)
    return try ValueIteration.items(try other(arguments, "superset", context), context).allSatisfy {
      ValueComparison.contains(container, $0)
    }
  }

  /// `abs`: the path is absolute (`os.path.isabs`).
  static func isAbsolutePath(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    try arguments.check([], "abs", context)
    return try Builtins.text(value, context).hasPrefix("/")
  }
}
