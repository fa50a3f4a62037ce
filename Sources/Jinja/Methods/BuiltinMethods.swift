/// Methods templates call on values: `receiver.method(arguments)`.
///
/// Python's `list.append`, `dict.update` and similar change the receiver in place; the engine
/// calls `callMutating` with the variable's storage and writes the receiver back when
/// `mutates(method:on:)` says the call changes it.
enum BuiltinMethods {
  /// Calls `method` on `receiver`; nil when the receiver has no such method.
  static func call(
    _ receiver: Value, method: String, _ arguments: Arguments, _ context: CallContext
  ) throws -> Value? {
    var copy = receiver
    return try callMutating(&copy, method: method, arguments, context)
  }

  /// Calls `method` on `receiver`, updating it in place for mutating methods.
  static func callMutating(
    _ receiver: inout Value, method: String, _ arguments: Arguments, _ context: CallContext
  ) throws -> Value? {
    switch receiver {
    case .string(let text):
      guard let function = StringMethods.all[method] else { return nil }
      return try function(text, arguments, context)
    case .list(var items):
      guard let function = ListMethods.all[method] else { return nil }
      receiver = .none
      defer { receiver = .list(items) }
      return try function(&items, arguments, context)
    case .map(var map):
      guard let function = DictMethods.all[method] else { return nil }
      receiver = .none
      defer { receiver = .map(map) }
      return try function(&map, arguments, context)
    case .object(let object):
      guard ["items", "keys", "values", "get"].contains(method) else { return nil }
      var map = try MappingFilters.mapping(.object(object), context)
      return try callMutating(&map, method: method, arguments, context)
    default:
      return nil
    }
  }

  /// Whether calling `method` on `receiver` changes the receiver (so it must be written back).
  static func mutates(method: String, on receiver: Value) -> Bool {
    switch receiver {
    case .list: return ListMethods.mutating.contains(method)
    case .map: return DictMethods.mutating.contains(method)
    default: return false
    }
  }
}
