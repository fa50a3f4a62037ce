/// Tests about presence and type: defined, undefined, none, boolean, string, number, …
enum TypeTests {
  /// The tests of this family by name.
  static let all: [String: Test] = [
    "defined": { value, _, _ in !value.isUndefined },
    "undefined": { value, _, _ in value.isUndefined },
    "none": { value, _, _ in value.isNone },
    "boolean": { value, _, _ in if case .bool = value { true } else { false } },
    "true": { value, _, _ in if case .bool(true) = value { true } else { false } },
    "false": { value, _, _ in if case .bool(false) = value { true } else { false } },
    "string": { value, _, _ in if case .string = value { true } else { false } },
    "number": { value, _, _ in isNumber(value) },
    "integer": { value, _, _ in if case .int = value { true } else { false } },
    "float": { value, _, _ in if case .float = value { true } else { false } },
    "mapping": { value, _, _ in isMapping(value) },
    "iterable": { value, _, _ in isIterable(value) },
    "sequence": { value, _, _ in isIterable(value) },
    "callable": { value, _, _ in if case .callable = value { true } else { false } },
    "sameas": sameas,
  ]

  /// Python's `isinstance(value, numbers.Number)` (bools count).
  static func isNumber(_ value: Value) -> Bool {
    switch value {
    case .int, .float, .bool: return true
    default: return false
    }
  }

  /// A dict or a dynamic mapping.
  static func isMapping(_ value: Value) -> Bool {
    switch value {
    case .map, .object: return true
    default: return false
    }
  }

  /// Strings, lists, dicts and dynamic mappings can be iterated.
  static func isIterable(_ value: Value) -> Bool {
    switch value {
    case .string, .list, .map, .object: return true
    default: return false
    }
  }

  /// `sameas(other)`: Python identity, which for template values holds for None, booleans,
  /// CPython's cached small integers and equal strings.
  static func sameas(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Bool
  {
    try arguments.check(["other"], "sameas", context)
    guard let other = arguments.argument(0, "other") else {
      throw context.error("sameas() requires an argument", kind: .test)
    }
    switch (value, other) {
    case (.none, .none): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b && (-5...256).contains(a)
    case (.string(let a), .string(let b)): return a == b
    default: return false
    }
  }
}
