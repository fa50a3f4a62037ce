/// Filters about presence and choice: default/d, mandatory, ternary.
enum ControlFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "default": `default`, "d": `default`, "mandatory": mandatory, "ternary": ternary,
  ]

  /// `default(default_value='', boolean=False)`: Ansible requires a real boolean flag.
  static func `default`(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["default_value", "boolean"], "default", context)
    let fallback = arguments.value(0, "default_value", default: .string(""))
    let flag = arguments.value(1, "boolean", default: .bool(false))
    guard case .bool(let boolean) = flag else {
      throw context.error(
        "The 'boolean' argument must be of type 'bool', not '\(flag.typeName)'.", kind: .filter)
    }
    if case .undefined = value { return fallback }
    if boolean, !value.isTruthy { return fallback }
    return value
  }

  /// `mandatory(msg=None)`: an error when the value is undefined.
  static func mandatory(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["msg"], "mandatory", context)
    guard case .undefined(let undefined) = value else { return value }
    if let message = arguments.argument(0, "msg"), !message.isNone {
      throw context.error(message.pythonString(), kind: .filter)
    }
    throw context.error("Mandatory variable '\(undefined.name)' not defined.", kind: .filter)
  }

  /// `ternary(true_val, false_val, none_val=None)`.
  static func ternary(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["true_val", "false_val", "none_val"], "ternary", context)
    guard let whenTrue = arguments.argument(0, "true_val"),
      let whenFalse = arguments.argument(1, "false_val")
    else {
      throw context.error("ternary() requires true_val and false_val", kind: .filter)
    }
    if value.isNone, let whenNone = arguments.argument(2, "none_val"), !whenNone.isNone {
      return whenNone
    }
    try Builtins.requireDefined(value, context)
    return value.isTruthy ? whenTrue : whenFalse
  }
}
