/// Mutable state of one render (depth, include chain, trace); used by one thread at a time.
final class RenderState: @unchecked Sendable {
  /// The include/import/call chain leading to the current position, outermost first.
  var includeStack: [SourceSpan] = []
  /// The current nesting depth of includes and macro calls.
  var depth = 0
  /// The environment of the render.
  let environment: Environment
  /// The top-level variables of the render.
  let variables: any VariableResolver
  /// The trace to record into, if any.
  let trace: RenderTrace?
  /// Top-level names read since the last emission (only while tracing).
  var readNames: [String] = []

  /// The deepest allowed nesting of includes and macro calls.
  static let maximumDepth = 100

  /// The top-level template's options, which included and imported templates inherit.
  let options: TemplateOptions

  init(
    environment: Environment, options: TemplateOptions, variables: any VariableResolver,
    trace: RenderTrace?
  ) {
    self.environment = environment
    self.options = options
    self.variables = variables
    self.trace = trace
  }

  /// Pointer-backed so the hot lookup path has no dynamic exclusivity checks.
  private let cache: UnsafeMutablePointer<TopLevelCache> = {
    let pointer = UnsafeMutablePointer<TopLevelCache>.allocate(capacity: 1)
    pointer.initialize(to: TopLevelCache())
    return pointer
  }()

  deinit {
    cache.deinitialize(count: 1)
    cache.deallocate()
  }

  /// A render variable or global, memoized for the render.
  func topLevel(_ symbol: Symbol, seesVariables: Bool) throws -> Value? {
    guard seesVariables else { return environment.globals[symbol.name] }
    let value: Value?
    if let cached = cache.pointee.find(symbol.id) {
      value = cached
    } else {
      value = try variables.resolve(symbol.name) ?? environment.globals[symbol.name]
      cache.pointee.store(symbol.id, value)
    }
    if trace != nil, value != nil, environment.globals[symbol.name] == nil {
      noteRead(symbol.name)
    }
    return value
  }

  /// Records a top-level read for the trace.
  func noteRead(_ name: String) {
    if trace != nil, !readNames.contains(name) { readNames.append(name) }
  }

  /// Runs `body` one level deeper, failing with a located error past the depth limit.
  func nested<T>(at span: SourceSpan, _ body: () throws -> T) throws -> T {
    guard depth < RenderState.maximumDepth else {
      throw JinjaError(
        .recursion, "maximum nesting depth of \(RenderState.maximumDepth) exceeded",
        span: span, hint: "check for an include loop or a macro that calls itself without end",
        includeStack: includeStack)
    }
    depth += 1
    includeStack.append(span)
    defer {
      depth -= 1
      includeStack.removeLast()
    }
    return try body()
  }

  /// A located error carrying the current include chain.
  func error(
    _ kind: JinjaError.Kind, _ message: String, _ span: SourceSpan, hint: String? = nil
  ) -> JinjaError {
    JinjaError(kind, message, span: span, hint: hint, includeStack: includeStack)
  }
}
