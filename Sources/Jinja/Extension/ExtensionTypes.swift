/// A filter: `value | name(arguments)`.
public typealias Filter =
  @Sendable (_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value

/// A test: `value is name(arguments)`.
public typealias Test =
  @Sendable (_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Bool

/// Supplies top-level variables; `nil` means undefined.
public protocol VariableResolver: Sendable {
  /// The value of the top-level variable `name`, or nil when it is undefined.
  func resolve(_ name: String) throws -> Value?
}

/// A variable resolver backed by a dictionary.
public struct DictionaryResolver: VariableResolver {
  /// The variables.
  public var variables: [String: Value]

  /// Creates a resolver from a dictionary.
  public init(_ variables: [String: Value]) { self.variables = variables }

  /// The value of `name` in the dictionary.
  public func resolve(_ name: String) throws -> Value? { variables[name] }
}
