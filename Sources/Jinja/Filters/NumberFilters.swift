import Foundation

/// Number filters: abs, int, float, round, bool.
enum NumberFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "abs": abs, "int": int, "float": float, "round": round, "bool": bool,
  ]

  /// `abs`.
  static func abs(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check([], "abs", context)
    switch value {
    case .int(let number) where number != Int.min: return .int(Swift.abs(number))
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .float(let number): return .float(Swift.abs(number))
    default:
      try Builtins.requireDefined(value, context)
      throw context.error("bad operand type for abs(): '\(value.typeName)'", kind: .type)
    }
  }

  /// `int(default=0, base=10)`: Python's `int()`, else `int(float())`, else the default.
  static func int(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check(["default", "base"], "int", context)
    try Builtins.requireDefined(value, context)
    let fallback = arguments.value(0, "default", default: .int(0))
    let base = try arguments.int(1, "base", default: 10, context)
    switch value {
    case .int: return value
    case .bool(let flag): return .int(flag ? 1 : 0)
    case .float(let number):
      return number.isFinite && Swift.abs(number) < 9.2e18 ? .int(Int(number)) : fallback
    case .string(let text):
      if let number = PythonNumber.parseInt(text, base: base) { return .int(number) }
      if let number = PythonNumber.parseFloat(text), number.isFinite, Swift.abs(number) < 9.2e18 {
        return .int(Int(number))
      }
      return fallback
    default: return fallback
    }
  }

  /// `float(default=0.0)`: Python's `float()`, else the default.
  static func float(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["default"], "float", context)
    try Builtins.requireDefined(value, context)
    let fallback = arguments.value(0, "default", default: .float(0))
    switch value {
    case .float: return value
    case .int(let number): return .float(Double(number))
    case .bool(let flag): return .float(flag ? 1 : 0)
    case .string(let text): return PythonNumber.parseFloat(text).map(Value.float) ?? fallback
    default: return fallback
    }
  }

  /// `round(precision=0, method='common')`: halves to even on the exact binary value, as
  /// Python's `round`; `ceil`/`floor` give a float.
  static func round(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["precision", "method"], "round", context)
    let precision = try arguments.int(0, "precision", default: 0, context)
    let method = try arguments.string(1, "method", default: "common", context)
    guard ["common", "ceil", "floor"].contains(method) else {
      throw context.error("method must be common, ceil or floor", kind: .filter)
    }
    try Builtins.requireDefined(value, context)
    if method == "common", case .int = value, precision >= 0 { return value }
    guard let number = value.doubleValue else {
      throw context.error(
        "type \(value.typeName) doesn't define __round__ method", kind: .type)
    }
    let scale = pow(10.0, Double(precision))
    switch method {
    case "ceil": return .float(((number * scale).rounded(.up) + 0) / scale)
    case "floor": return .float(((number * scale).rounded(.down) + 0) / scale)
    default: return .float(PythonNumber.round(number, digits: precision))
    }
  }

  /// `bool`: Ansible's `to_bool` (`yes/on/true/1` and `no/off/false/0`, any case).
  static func bool(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "bool", context)
    switch value {
    case .bool: return value
    case .string(let text):
      let lowered = text.lowercased()
      if ["yes", "on", "true", "1"].contains(lowered) { return .bool(true) }
      if ["no", "off", "false", "0"].contains(lowered) { return .bool(false) }
      return .bool(false)
    case .int(let number): return .bool(number == 1)
    case .float(let number): return .bool(number == 1)
    default:
      try Builtins.requireDefined(value, context)
      return .bool(false)
    }
  }
}
