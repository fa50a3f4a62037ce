/// What a filter, test, method or callable sees of the render that calls it.
public struct CallContext: Sendable {
  /// The environment (filters, tests, globals, loader).
  public var environment: Environment
  /// The top-level variables of the render.
  public var variables: any VariableResolver
  /// Where the call is in the template.
  public var span: SourceSpan?
  /// Per-render state (depth, include chain); nil outside a render.
  var state: RenderState?

  /// Creates a context, e.g. to call a filter directly from Swift.
  public init(environment: Environment, variables: any VariableResolver, span: SourceSpan? = nil) {
    self.environment = environment
    self.variables = variables
    self.span = span
    self.state = nil
  }

  init(
    environment: Environment, variables: any VariableResolver, span: SourceSpan?,
    state: RenderState?
  ) {
    self.environment = environment
    self.variables = variables
    self.span = span
    self.state = state
  }

  /// Applies the filter `name` to `value`.
  public func applyFilter(_ name: String, to value: Value, _ arguments: Arguments) throws -> Value {
    guard let filter = environment.filters[name] else {
      throw error("no filter named '\(name)'", kind: .filter)
    }
    return try filter(value, arguments, self)
  }

  /// Applies the test `name` to `value`.
  public func applyTest(_ name: String, to value: Value, _ arguments: Arguments) throws -> Bool {
    guard let test = environment.tests[name] else {
      throw error("no test named '\(name)'", kind: .test)
    }
    return try test(value, arguments, self)
  }

  /// Calls a callable value.
  public func call(_ callable: Value, _ arguments: Arguments) throws -> Value {
    switch callable {
    case .callable(let function):
      return try function.body(arguments, self)
    case .undefined(let undefined):
      throw JinjaError(
        .undefined, "'\(undefined.name)' is undefined", span: span, hint: undefined.hint,
        includeStack: state?.includeStack ?? [])
    default:
      throw error("'\(callable.typeName)' object is not callable", kind: .type)
    }
  }

  /// A runtime error located at this call.
  public func error(_ message: String, hint: String? = nil) -> JinjaError {
    error(message, hint: hint, kind: .runtime)
  }

  /// An error of `kind` located at this call.
  public func error(_ message: String, hint: String? = nil, kind: JinjaError.Kind) -> JinjaError {
    JinjaError(kind, message, span: span, hint: hint, includeStack: state?.includeStack ?? [])
  }
}
