/// Compiles statements into closures.
struct StatementCompiler {
  let lines: LineTable
  var expressions: ExpressionCompiler { ExpressionCompiler(lines: lines) }

  func span(_ statement: Statement) -> SourceSpan {
    lines.span(statement.offset, statement.length)
  }

  func compileBody(_ statements: [Statement]) throws -> Executor {
    let executors = try statements.map(compile)
    switch executors.count {
    case 0: return { _, _ in }
    case 1: return executors[0]
    default:
      return { frame, output in
        for executor in executors { try executor(frame, output) }
      }
    }
  }

  func compile(_ statement: Statement) throws -> Executor {
    let span = span(statement)
    switch statement.kind {
    case .data(let text):
      return { frame, output in
        guard let trace = frame.state.trace, output.isRoot else { return output.appendData(text) }
        let start = output.text.utf8.count
        output.appendData(text)
        trace.record(.init(outputRange: start..<output.text.utf8.count, span: span, variables: []))
      }
    case .output(let expression):
      return try compileOutput(expression)
    case .conditional(let branches, let otherwise):
      let compiled = try branches.map {
        (
          try expressions.compile($0.condition), expressions.span($0.condition),
          try compileBody($0.body)
        )
      }
      let otherwiseBody = try otherwise.map(compileBody)
      return { frame, output in
        for (condition, span, body) in compiled
        where try Evaluation.truth(try condition(frame), span, frame) {
          return try body(frame, output)
        }
        try otherwiseBody?(frame, output)
      }
    case .loop(let loop):
      return try compileLoop(loop, span)
    case .assign(let target, let value):
      let evaluator = try expressions.compile(value)
      return { frame, _ in try Self.bind(target, try evaluator(frame), frame, span) }
    case .assignBlock(let target, let filter, let body):
      let capture = try compileCapture(body, filter: filter)
      return { frame, _ in try Self.bind(target, try capture(frame), frame, span) }
    case .filterBlock(let filter, let body):
      let capture = try compileCapture(body, filter: filter)
      return { frame, output in output.appendValue(try capture(frame)) }
    case .with(let assignments, let body):
      let values = try assignments.map { ($0.target, try expressions.compile($0.value)) }
      let bodyExecutor = try compileBody(body)
      return { frame, output in
        let scope = Frame(parent: frame)
        for (target, evaluator) in values {
          try Self.bind(target, try evaluator(frame), scope, span)
        }
        try bodyExecutor(scope, output)
      }
    case .macro(let definition):
      let macro = try MacroCompiler(lines: lines).compile(definition, span)
      let name = definition.name
      return { frame, _ in frame.assign(name, macro(frame)) }
    case .callBlock(let call, let caller):
      return try compileCallBlock(call, caller, span)
    case .include(let template, let ignoreMissing, let withContext):
      return try IncludeCompiler(lines: lines).compileInclude(
        template, ignoreMissing: ignoreMissing, withContext: withContext, span)
    case .importModule(let template, let alias, let withContext):
      return try IncludeCompiler(lines: lines).compileImport(
        template, alias: alias, withContext: withContext, span)
    case .importNames(let template, let names, let withContext):
      return try IncludeCompiler(lines: lines).compileFromImport(
        template, names: names, withContext: withContext, span)
    }
  }

  private func compileOutput(_ expression: Expression) throws -> Executor {
    let evaluator = try expressions.compile(expression)
    let span = expressions.span(expression)
    return { frame, output in
      guard let trace = frame.state.trace, output.isRoot else {
        return output.appendValue(try Evaluation.defined(try evaluator(frame), span, frame))
      }
      frame.state.readNames.removeAll(keepingCapacity: true)
      let value = try Evaluation.defined(try evaluator(frame), span, frame)
      let start = output.text.utf8.count
      output.appendValue(value)
      trace.record(
        .init(
          outputRange: start..<output.text.utf8.count, span: span,
          variables: frame.state.readNames))
    }
  }

  /// Renders `body` to a string and applies an optional filter chain to it.
  private func compileCapture(_ body: [Statement], filter: Expression?) throws -> Evaluator {
    let bodyExecutor = try compileBody(body)
    let subjectKey = "\u{0}subject"
    let filtered = try filter.map {
      try expressions.compileFilterChain($0) { frame in frame.locals[subjectKey] ?? .none }
    }
    return { frame in
      let output = Output()
      try bodyExecutor(frame, output)
      guard let filtered else { return output.nativeResult }
      let scope = Frame(parent: frame)
      scope.locals[subjectKey] = output.nativeResult
      return try filtered(scope)
    }
  }

  private func compileCallBlock(_ call: Expression, _ caller: MacroDefinition, _ span: SourceSpan)
    throws -> Executor
  {
    guard case .call(let callee, let arguments) = call.kind else {
      throw JinjaError(.syntax, "expected a call after 'call'", span: span)
    }
    let callerMacro = try MacroCompiler(lines: lines).compile(caller, span)
    let calleeEvaluator = try expressions.compile(callee)
    let compiled = try expressions.compileArguments(arguments)
    let callSpan = expressions.span(call)
    return { frame, output in
      let function = try Evaluation.defined(try calleeEvaluator(frame), callSpan, frame)
      var values = try compiled.evaluate(frame, callSpan)
      values.named.append(("caller", callerMacro(frame)))
      let result = try ExpressionCompiler.call(
        function, values, Evaluation.context(frame, callSpan), frame, callSpan)
      output.appendValue(result)
    }
  }

  /// Assigns `value` to `target` in `frame`, unpacking tuples.
  static func bind(_ target: AssignTarget, _ value: Value, _ frame: Frame, _ span: SourceSpan)
    throws
  {
    switch target {
    case .name(let name):
      frame.assign(name, value)
    case .tuple(let targets):
      let items = try Evaluation.located(span, frame) { () throws -> [Value] in
        try Access.iterate(try Evaluation.defined(value, span, frame))
      }
      guard items.count == targets.count else {
        let message =
          items.count > targets.count
          ? "too many values to unpack (expected \(targets.count))"
          : "not enough values to unpack (expected \(targets.count), got \(items.count))"
        throw frame.state.error(.runtime, message, span)
      }
      for (item, target) in zip(items, targets) { try bind(target, item, frame, span) }
    case .attribute(let namespace, let attribute):
      guard case .object(let object as NamespaceObject)? = try frame.lookup(namespace) else {
        throw frame.state.error(
          .type, "cannot assign attribute on non-namespace object '\(namespace)'", span,
          hint: "create it with '{% set \(namespace) = namespace() %}'")
      }
      object.set(attribute, value)
    }
  }
}

extension ExpressionCompiler {
  /// Compiles a filter chain whose innermost subject is `subject`.
  func compileFilterChain(_ chain: Expression, subject: @escaping Evaluator) throws -> Evaluator {
    guard case .filter(let inner, let name, let arguments) = chain.kind else {
      return try compile(chain)
    }
    let innerEvaluator = try inner.map { try compileFilterChain($0, subject: subject) } ?? subject
    return try compileFilter(innerEvaluator, name, arguments, span(chain))
  }
}
