/// Compiles `include`, `import` and `from … import`.
struct IncludeCompiler {
  let lines: LineTable
  var expressions: ExpressionCompiler { ExpressionCompiler(lines: lines) }

  func compileInclude(
    _ template: Expression, ignoreMissing: Bool, withContext: Bool, _ span: SourceSpan
  ) throws -> Executor {
    let nameEvaluator = try expressions.compile(template)
    return { frame, output in
      let names = try Self.templateNames(try nameEvaluator(frame), frame, span)
      guard let included = try Self.load(names, frame, span) else {
        if ignoreMissing { return }
        throw Self.notFound(names, frame, span)
      }
      try frame.state.nested(at: span) {
        let scope =
          withContext ? Frame(parent: frame) : Frame(state: frame.state, seesVariables: false)
        try included.body(scope, output)
      }
    }
  }

  func compileImport(_ template: Expression, alias: String, withContext: Bool, _ span: SourceSpan)
    throws -> Executor
  {
    let nameEvaluator = try expressions.compile(template)
    return { frame, _ in
      let module = try Self.module(try nameEvaluator(frame), withContext, frame, span)
      var exports = ValueMap()
      for key in module.locals.keys.sorted() where !key.hasPrefix("_") {
        exports[key] = module.locals[key]
      }
      frame.assign(alias, .map(exports))
    }
  }

  func compileFromImport(
    _ template: Expression, names: [(name: String, alias: String?)], withContext: Bool,
    _ span: SourceSpan
  ) throws -> Executor {
    let nameEvaluator = try expressions.compile(template)
    return { frame, _ in
      let source = try nameEvaluator(frame)
      let module = try Self.module(source, withContext, frame, span)
      for (name, alias) in names {
        guard !name.hasPrefix("_"), let value = module.locals[name] else {
          throw frame.state.error(
            .include, "the template '\(source.pythonString())' does not export '\(name)'", span,
            hint: "define the macro or variable at the top level of that template")
        }
        frame.assign(alias ?? name, value)
      }
    }
  }

  /// Runs a template for its top-level definitions.
  private static func module(
    _ source: Value, _ withContext: Bool, _ frame: Frame, _ span: SourceSpan
  )
    throws -> Frame
  {
    let names = try templateNames(source, frame, span)
    guard let template = try load(names, frame, span) else { throw notFound(names, frame, span) }
    return try frame.state.nested(at: span) {
      let scope =
        withContext ? Frame(parent: frame) : Frame(state: frame.state, seesVariables: false)
      try template.body(scope, Output())
      return scope
    }
  }

  private static func templateNames(_ value: Value, _ frame: Frame, _ span: SourceSpan) throws
    -> [String]
  {
    switch try Evaluation.defined(value, span, frame) {
    case .string(let name): return [name]
    case .list(let items): return items.map { $0.pythonString() }
    default:
      throw frame.state.error(
        .include, "a template name must be a string or a list of strings, not \(value.typeName)",
        span)
    }
  }

  private static func load(_ names: [String], _ frame: Frame, _ span: SourceSpan) throws
    -> Template?
  {
    for name in names {
      do {
        if let template = try frame.state.environment.loadTemplate(
          named: name, inherited: frame.state.options)
        {
          return template
        }
      } catch var error as JinjaError {
        if error.includeStack.isEmpty { error.includeStack = frame.state.includeStack + [span] }
        throw error
      }
    }
    return nil
  }

  private static func notFound(_ names: [String], _ frame: Frame, _ span: SourceSpan) -> JinjaError
  {
    let message =
      names.count == 1
      ? "template '\(names[0])' not found"
      : "none of the templates \(Value.list(names.map(Value.string)).pythonRepr()) were found"
    return frame.state.error(
      .include, message, span, hint: "check the name and the template search path")
  }
}
