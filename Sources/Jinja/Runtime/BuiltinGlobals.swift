/// Globals every environment has: `range`, `dict`, `namespace`.
enum BuiltinGlobals {
  /// The longest list `range()` builds.
  static let maximumRange = 1_000_000

  /// Globals by name.
  static let all: [String: Value] = [
    "range": .callable(Callable(name: "range", range)),
    "dict": .callable(Callable(name: "dict", dict)),
    "namespace": .callable(Callable(name: "namespace", namespace)),
  ]

  private static func range(_ arguments: Arguments, _ context: CallContext) throws -> Value {
    let numbers = try arguments.positional.map { value -> Int in
      guard let integer = value.intValue else {
        throw context.error(
          "'\(value.typeName)' object cannot be interpreted as an integer", kind: .type)
      }
      return integer
    }
    var start = 0
    var stop = 0
    var step = 1
    switch numbers.count {
    case 1: stop = numbers[0]
    case 2: (start, stop) = (numbers[0], numbers[1])
    case 3: (start, stop, step) = (numbers[0], numbers[1], numbers[2])
    default:
      throw context.error(
        "range expected 1 to 3 integer arguments, got \(numbers.count)", kind: .type)
    }
    guard step != 0 else { throw context.error("range() arg 3 must not be zero") }
    let count =
      step > 0
      ? max(0, (stop - start + step - 1) / step) : max(0, (start - stop - step - 1) / -step)
    guard count <= maximumRange else {
      throw context.error(
        "range() of \(count) items is too large (the limit is \(maximumRange))")
    }
    return .list(Swift.stride(from: start, to: stop, by: step).map(Value.int))
  }

  private static func dict(_ arguments: Arguments, _ context: CallContext) throws -> Value {
    var map = ValueMap()
    if let first = arguments.positional.first {
      switch first {
      case .map(let source): map = source
      case .list(let pairs):
        for pair in pairs {
          guard case .list(let items) = pair, items.count == 2 else {
            throw context.error("dict() sequence elements must be pairs", kind: .type)
          }
          map[items[0]] = items[1]
        }
      default:
        throw context.error("'\(first.typeName)' object is not iterable", kind: .type)
      }
    }
    for (name, value) in arguments.named { map[name] = value }
    return .map(map)
  }

  private static func namespace(_ arguments: Arguments, _ context: CallContext) throws -> Value {
    guard case .map(let map) = try dict(arguments, context) else { return .none }
    return .object(NamespaceObject(map))
  }
}
