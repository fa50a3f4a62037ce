/// The `loop` variable of a `for` loop; one instance per loop run, advanced in place.
final class LoopObject: DynamicObject, @unchecked Sendable {
  let items: [Value]
  var index0 = 0
  let depth: Int
  /// Renders the loop body again for `loop(items)` in recursive loops.
  let recursion: ((Value, CallContext) throws -> Value)?
  private var lastChanged: [Value]?

  init(items: [Value], depth: Int, recursion: ((Value, CallContext) throws -> Value)?) {
    self.items = items
    self.depth = depth
    self.recursion = recursion
  }

  var typeName: String { "LoopContext" }

  func keys() throws -> [String] {
    ["index", "index0", "revindex", "revindex0", "first", "last", "length", "depth", "depth0"]
  }

  func value(forKey key: String) throws -> Value? {
    let length = items.count
    switch key {
    case "index": return .int(index0 + 1)
    case "index0": return .int(index0)
    case "revindex": return .int(length - index0)
    case "revindex0": return .int(length - index0 - 1)
    case "first": return .bool(index0 == 0)
    case "last": return .bool(index0 == length - 1)
    case "length": return .int(length)
    case "depth": return .int(depth)
    case "depth0": return .int(depth - 1)
    case "previtem":
      return index0 > 0
        ? items[index0 - 1]
        : .undefined(Undefined(name: "loop.previtem", hint: "there is no previous item"))
    case "nextitem":
      return index0 + 1 < length
        ? items[index0 + 1]
        : .undefined(Undefined(name: "loop.nextitem", hint: "there is no next item"))
    case "cycle":
      let position = index0
      return .callable(
        Callable(name: "loop.cycle") { arguments, context in
          guard !arguments.positional.isEmpty else {
            throw context.error("no items for cycling given")
          }
          return arguments.positional[position % arguments.positional.count]
        })
    case "changed":
      return .callable(
        Callable(name: "loop.changed") { [self] arguments, _ in
          let values = arguments.positional
          defer { lastChanged = values }
          guard let previous = lastChanged else { return .bool(true) }
          return .bool(!Value.list(previous).isEqual(to: .list(values)))
        })
    default: return nil
    }
  }

  /// `loop(items)`: renders the loop body over `items` one level deeper.
  func recurse(_ arguments: Arguments, _ context: CallContext) throws -> Value {
    guard let recursion else {
      throw context.error(
        "the loop is not recursive", hint: "add 'recursive' to the for tag to call loop()",
        kind: .type)
    }
    guard arguments.positional.count == 1 else {
      throw context.error("loop() takes exactly one argument (the items)", kind: .type)
    }
    return try recursion(arguments.positional[0], context)
  }
}
