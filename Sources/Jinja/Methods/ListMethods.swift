/// Python `list` methods.
enum ListMethods {
  /// A list method: may change the list, returns the call's result.
  typealias Method = @Sendable (inout [Value], Arguments, CallContext) throws -> Value

  /// The methods that change the list.
  static let mutating: Set<String> = [
    "append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear",
  ]

  /// The methods by name.
  static let all: [String: Method] = [
    "append": append, "extend": extend, "insert": insert, "pop": pop, "remove": remove,
    "index": index, "count": count, "reverse": reverse, "sort": sort, "clear": clear,
    "copy": { items, arguments, context in
      try arguments.check([], "copy", context)
      return .list(items)
    },
  ]

  private static func required(
    _ arguments: Arguments, _ index: Int, _ name: String, _ method: String,
    _ context: CallContext
  ) throws -> Value {
    guard let value = arguments.argument(index, name) else {
      throw context.error("\(method)() takes exactly one argument (0 given)", kind: .type)
    }
    return value
  }

  /// `append(x)`.
  static func append(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["object"], "append", context)
    items.append(try required(arguments, 0, "object", "append", context))
    return .none
  }

  /// `extend(iterable)`.
  static func extend(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["iterable"], "extend", context)
    items += try ValueIteration.items(
      try required(arguments, 0, "iterable", "extend", context), context)
    return .none
  }

  /// `insert(index, x)`.
  static func insert(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["index", "object"], "insert", context)
    let position = try arguments.int(0, "index", default: nil, context)
    let value = try required(arguments, 1, "object", "insert", context)
    let clamped = position < 0 ? max(0, items.count + position) : min(position, items.count)
    items.insert(value, at: clamped)
    return .none
  }

  /// `pop(index=-1)`.
  static func pop(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["index"], "pop", context)
    let position = try arguments.int(0, "index", default: -1, context)
    let resolved = position < 0 ? items.count + position : position
    guard resolved >= 0, resolved < items.count else {
      throw context.error(items.isEmpty ? "pop from empty list" : "pop index out of range")
    }
    return items.remove(at: resolved)
  }

  /// `remove(x)`.
  static func remove(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["value"], "remove", context)
    let value = try required(arguments, 0, "value", "remove", context)
    guard let position = items.firstIndex(where: { ValueComparison.equal($0, value) }) else {
      throw context.error("list.remove(x): x not in list")
    }
    items.remove(at: position)
    return .none
  }

  /// `index(x)`.
  static func index(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["value"], "index", context)
    let value = try required(arguments, 0, "value", "index", context)
    guard let position = items.firstIndex(where: { ValueComparison.equal($0, value) }) else {
      throw context.error("\(value.pythonRepr()) is not in list")
    }
    return .int(position)
  }

  /// `count(x)`.
  static func count(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["value"], "count", context)
    let value = try required(arguments, 0, "value", "count", context)
    return .int(items.filter { ValueComparison.equal($0, value) }.count)
  }

  /// `reverse()`.
  static func reverse(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check([], "reverse", context)
    items.reverse()
    return .none
  }

  /// `sort(reverse=False)`: Python ordering, case-sensitive.
  static func sort(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["reverse"], "sort", context)
    items = try ValueComparison.sorted(
      items, reverse: arguments["reverse"]?.isTruthy ?? false, context
    ) { $0 }
    return .none
  }

  /// `clear()`.
  static func clear(_ items: inout [Value], _ arguments: Arguments, _ context: CallContext)
    throws -> Value
  {
    try arguments.check([], "clear", context)
    items.removeAll()
    return .none
  }
}
