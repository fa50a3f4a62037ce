/// The arguments of a filter, test, method or function call.
public struct Arguments: Sendable {
  /// Positional arguments, in order.
  public var positional: [Value]
  /// Keyword arguments, in call order.
  public var named: [(name: String, value: Value)]

  /// Creates an argument list.
  public init(_ positional: [Value] = [], named: [(name: String, value: Value)] = []) {
    self.positional = positional
    self.named = named
  }

  /// The argument at positional `index`, or else the keyword argument `name`.
  public func argument(_ index: Int, _ name: String) -> Value? {
    if index >= 0, index < positional.count { return positional[index] }
    return self[name]
  }

  /// The keyword argument `name`.
  public subscript(name: String) -> Value? {
    for entry in named where entry.name == name { return entry.value }
    return nil
  }

  /// The total number of arguments.
  public var count: Int { positional.count + named.count }

  /// Whether there are no arguments.
  public var isEmpty: Bool { positional.isEmpty && named.isEmpty }
}
