/// List and dict methods that change their receiver (`append`, `update`, ...).
///
/// Values are copied, not shared, so the compiler writes the changed receiver back to the
/// variable (or attribute path) it came from.
enum Mutation {
  /// The method names that may mutate a receiver.
  static let methods: Set<String> = [
    "append", "extend", "insert", "pop", "remove", "clear", "reverse", "update", "setdefault",
  ]

  /// Applies `method`; returns the changed receiver and the call's result, or nil when the
  /// receiver has no such mutating method.
  static func apply(_ receiver: Value, _ method: String, _ arguments: Arguments) throws
    -> (receiver: Value, result: Value)?
  {
    switch receiver {
    case .list(var items):
      guard let result = try applyToList(&items, method, arguments) else { return nil }
      return (.list(items), result)
    case .map(var map):
      guard let result = try applyToMap(&map, method, arguments) else { return nil }
      return (.map(map), result)
    default:
      return nil
    }
  }

  private static func argument(_ arguments: Arguments, _ index: Int, _ method: String) throws
    -> Value
  {
    guard index < arguments.positional.count else {
      throw OperationError.type("\(method)() takes at least \(index + 1) argument(s)")
    }
    return arguments.positional[index]
  }

  private static func applyToList(_ items: inout [Value], _ method: String, _ arguments: Arguments)
    throws -> Value?
  {
    switch method {
    case "append": items.append(try argument(arguments, 0, method))
    case "extend": items += try Access.iterate(try argument(arguments, 0, method))
    case "insert":
      guard let index = try argument(arguments, 0, method).intValue else {
        throw OperationError.type("insert() index must be an integer")
      }
      let position = index < 0 ? max(0, items.count + index) : min(index, items.count)
      items.insert(try argument(arguments, 1, method), at: position)
    case "pop":
      guard !items.isEmpty else { throw OperationError.value("pop from empty list") }
      let index = arguments.positional.first?.intValue ?? -1
      let position = index < 0 ? items.count + index : index
      guard position >= 0, position < items.count else {
        throw OperationError.value("pop index out of range")
      }
      return items.remove(at: position)
    case "remove":
      let value = try argument(arguments, 0, method)
      guard let position = items.firstIndex(where: { $0.isEqual(to: value) }) else {
        throw OperationError.value("list.remove(x): x not in list")
      }
      items.remove(at: position)
    case "clear": items.removeAll()
    case "reverse": items.reverse()
    default: return nil
    }
    return Value.none
  }

  private static func applyToMap(_ map: inout ValueMap, _ method: String, _ arguments: Arguments)
    throws -> Value?
  {
    switch method {
    case "update":
      if let first = arguments.positional.first {
        switch first {
        case .map(let other): for (key, value) in other { map[key] = value }
        case .list(let pairs):
          for pair in pairs {
            guard case .list(let items) = pair, items.count == 2 else {
              throw OperationError.value("dictionary update sequence element has wrong length")
            }
            map[items[0]] = items[1]
          }
        default: throw OperationError.type("'\(first.typeName)' object is not iterable")
        }
      }
      for (name, value) in arguments.named { map[name] = value }
    case "pop":
      let key = try argument(arguments, 0, method)
      if let value = map[key] {
        map[key] = nil
        return value
      }
      guard arguments.positional.count > 1 else {
        throw OperationError.value("KeyError: \(key.pythonRepr())")
      }
      return arguments.positional[1]
    case "setdefault":
      let key = try argument(arguments, 0, method)
      if let value = map[key] { return value }
      let value = arguments.positional.count > 1 ? arguments.positional[1] : .none
      map[key] = value
      return value
    case "clear": map = ValueMap()
    default: return nil
    }
    return Value.none
  }
}
