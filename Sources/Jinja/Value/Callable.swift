/// A value that templates can call: a macro, a global function, `caller`.
public struct Callable: Sendable {
  /// The name shown in messages.
  public var name: String
  /// The function body.
  public var body: @Sendable (Arguments, CallContext) throws -> Value

  /// Creates a callable from a name and a body.
  public init(name: String, _ body: @escaping @Sendable (Arguments, CallContext) throws -> Value) {
    self.name = name
    self.body = body
  }
}
