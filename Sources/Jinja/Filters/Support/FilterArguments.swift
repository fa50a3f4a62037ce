/// Argument checking and conversion shared by the built-in filters, tests and methods.
extension Arguments {
  /// Throws unless every positional argument has a parameter and every keyword is a parameter.
  func check(_ parameters: [String], _ function: String, _ context: CallContext) throws {
    if positional.count > parameters.count {
      throw context.error(
        "\(function)() takes at most \(parameters.count) argument(s) (\(positional.count) given)",
        kind: .filter)
    }
    for entry in named {
      guard let position = parameters.firstIndex(of: entry.name) else {
        throw context.error(
          "\(function)() got an unexpected keyword argument '\(entry.name)'", kind: .filter)
      }
      if position < positional.count {
        throw context.error(
          "\(function)() got multiple values for argument '\(entry.name)'", kind: .filter)
      }
    }
  }

  /// The argument at `index`/`name`, or `fallback` when it is absent.
  func value(_ index: Int, _ name: String, default fallback: Value) -> Value {
    argument(index, name) ?? fallback
  }

  /// A string argument (`str()` of numbers is not applied: a non-string is an error).
  func string(_ index: Int, _ name: String, default fallback: String?, _ context: CallContext)
    throws -> String
  {
    guard let value = argument(index, name) else {
      if let fallback { return fallback }
      throw context.error("missing required argument '\(name)'", kind: .filter)
    }
    guard case .string(let text) = value else {
      throw context.error(
        "argument '\(name)' must be a string, not \(value.typeName)", kind: .filter)
    }
    return text
  }

  /// An integer argument (bools count, as in Python; floats are truncated).
  func int(_ index: Int, _ name: String, default fallback: Int?, _ context: CallContext) throws
    -> Int
  {
    guard let value = argument(index, name) else {
      if let fallback { return fallback }
      throw context.error("missing required argument '\(name)'", kind: .filter)
    }
    switch value {
    case .int(let number): return number
    case .bool(let flag): return flag ? 1 : 0
    case .float(let number) where number.isFinite && abs(number) < 9e18: return Int(number)
    default:
      throw context.error(
        "argument '\(name)' must be an integer, not \(value.typeName)", kind: .filter)
    }
  }

  /// A truthiness argument (`bool(x)` in Python).
  func flag(_ index: Int, _ name: String, default fallback: Bool) -> Bool {
    argument(index, name).map(\.isTruthy) ?? fallback
  }

  /// The arguments from positional `index` on, keeping keywords (for `map('filter', …)`).
  func dropping(_ count: Int) -> Arguments {
    Arguments(Array(positional.dropFirst(count)), named: named)
  }

  /// The arguments without the keyword `names`.
  func removing(_ names: Set<String>) -> Arguments {
    Arguments(positional, named: named.filter { !names.contains($0.name) })
  }
}

/// Helpers for declaring the built-in registries.
enum Builtins {
  /// Throws the strict-undefined error when `value` is undefined.
  static func requireDefined(_ value: Value, _ context: CallContext) throws {
    if case .undefined(let undefined) = value {
      throw context.error(
        "'\(undefined.name)' is undefined", hint: undefined.hint, kind: .undefined)
    }
  }

  /// `str(value)`, rejecting undefined.
  static func text(_ value: Value, _ context: CallContext) throws -> String {
    try requireDefined(value, context)
    return value.pythonString()
  }
}
