/// Python `dict` methods.
enum DictMethods {
  /// A dict method: may change the dict, returns the call's result.
  typealias Method = @Sendable (inout ValueMap, Arguments, CallContext) throws -> Value

  /// The methods that change the dict.
  static let mutating: Set<String> = ["update", "pop", "setdefault", "clear"]

  /// The methods by name.
  static let all: [String: Method] = [
    "items": items, "keys": keys, "values": values, "get": get, "update": update, "pop": pop,
    "setdefault": setdefault,
    "copy": { map, arguments, context in
      try arguments.check([], "copy", context)
      return .map(map)
    },
    "clear": { map, arguments, context in
      try arguments.check([], "clear", context)
      map = ValueMap()
      return .none
    },
  ]

  /// `items()`: `[key, value]` pairs (Ansible prints dict views as lists).
  static func items(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "items", context)
    return .list(map.map { .list([$0.key, $0.value]) })
  }

  /// `keys()`.
  static func keys(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "keys", context)
    return .list(map.keys)
  }

  /// `values()`.
  static func values(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "values", context)
    return .list(map.values)
  }

  /// `get(key, default=None)`.
  static func get(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["key", "default"], "get", context)
    guard let key = arguments.argument(0, "key") else {
      throw context.error("get expected at least 1 argument, got 0", kind: .type)
    }
    return map[key] ?? arguments.value(1, "default", default: Value.none)
  }

  /// `update(other, **kwargs)`.
  static func update(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    guard arguments.positional.count <= 1 else {
      throw context.error("update expected at most 1 argument", kind: .type)
    }
    if let other = arguments.positional.first {
      switch try MappingFilters.mapping(other, context) {
      case .map(let entries):
        for (key, value) in entries { map[key] = value }
      case .list(let pairs):
        for pair in pairs {
          guard case .list(let parts) = pair, parts.count == 2 else {
            throw context.error("dictionary update sequence element has wrong length")
          }
          map[parts[0]] = parts[1]
        }
      default:
        throw context.error("'\(other.typeName)' object is not iterable", kind: .type)
      }
    }
    for entry in arguments.named { map[entry.name] = entry.value }
    return .none
  }

  /// `pop(key, default)`.
  static func pop(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["key", "default"], "pop", context)
    guard let key = arguments.argument(0, "key") else {
      throw context.error("pop expected at least 1 argument, got 0", kind: .type)
    }
    if let value = map[key] {
      map[key] = nil
      return value
    }
    if let fallback = arguments.argument(1, "default") { return fallback }
    throw context.error("KeyError: \(key.pythonRepr())")
  }

  /// `setdefault(key, default=None)`.
  static func setdefault(_ map: inout ValueMap, _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["key", "default"], "setdefault", context)
    guard let key = arguments.argument(0, "key") else {
      throw context.error("setdefault expected at least 1 argument, got 0", kind: .type)
    }
    if let value = map[key] { return value }
    let value = arguments.value(1, "default", default: .none)
    map[key] = value
    return value
  }
}
