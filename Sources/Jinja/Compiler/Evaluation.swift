/// A compiled expression.
typealias Evaluator = @Sendable (Frame) throws -> Value

/// A compiled statement writing into an output.
typealias Executor = @Sendable (Frame, Output) throws -> Void

/// Shared helpers the compiled closures call.
enum Evaluation {
  /// Fails with a located error when `value` is undefined.
  @inline(__always)
  static func defined(_ value: Value, _ span: SourceSpan, _ frame: Frame) throws -> Value {
    if case .undefined(let undefined) = value { throw undefinedError(undefined, span, frame.state) }
    return value
  }

  /// Python truthiness; an undefined value is an error (strict undefined).
  @inline(__always)
  static func truth(_ value: Value, _ span: SourceSpan, _ frame: Frame) throws -> Bool {
    if case .undefined(let undefined) = value { throw undefinedError(undefined, span, frame.state) }
    return value.isTruthy
  }

  static func undefinedError(_ undefined: Undefined, _ span: SourceSpan, _ state: RenderState)
    -> JinjaError
  {
    var message = "'\(undefined.name)' is undefined"
    if let hint = undefined.hint, hint != message { message += ": \(hint)" }
    return state.error(
      .undefined, message, span,
      hint: "define it, or guard it with '| default(...)' or 'is defined'")
  }

  /// Runs a value operation, turning its failure into an error located at `span`.
  @inline(__always)
  static func located<T>(_ span: SourceSpan, _ frame: Frame, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as OperationError {
      throw frame.state.error(error.kind, error.message, span)
    }
  }

  /// Wraps errors thrown by filters, tests and callables that are not already located.
  static func wrapForeign(
    _ error: any Error, _ kind: JinjaError.Kind, _ span: SourceSpan, _ frame: Frame
  ) -> any Error {
    if var jinja = error as? JinjaError {
      if jinja.span == nil { jinja.span = span }
      if jinja.includeStack.isEmpty { jinja.includeStack = frame.state.includeStack }
      return jinja
    }
    if let operation = error as? OperationError {
      return frame.state.error(operation.kind, operation.message, span)
    }
    return frame.state.error(kind, String(describing: error), span)
  }

  static func context(_ frame: Frame, _ span: SourceSpan) -> CallContext {
    CallContext(
      environment: frame.state.environment, variables: frame.state.variables, span: span,
      state: frame.state)
  }
}
