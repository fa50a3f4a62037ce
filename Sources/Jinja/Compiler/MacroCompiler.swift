/// A reference to a render-local frame that a macro value closes over.
struct FrameReference: @unchecked Sendable {
  let frame: Frame
}

/// Compiles macro definitions into factories of callables bound to their defining frame.
struct MacroCompiler {
  let lines: LineTable

  /// Returns a function that creates the macro's callable for a defining frame.
  func compile(_ definition: MacroDefinition, _ span: SourceSpan) throws
    -> @Sendable (Frame) -> Value
  {
    let statements = StatementCompiler(lines: lines)
    let body = try statements.compileBody(definition.body)
    let expressions = ExpressionCompiler(lines: lines)
    let parameters = try definition.parameters.map {
      ($0.name, try $0.defaultValue.map(expressions.compile))
    }
    let referenced = NameCollector.names(in: definition.body)
    let signature = MacroSignature(
      name: definition.name, parameters: parameters,
      catchesVarargs: referenced.contains("varargs"), catchesKwargs: referenced.contains("kwargs"),
      catchesCaller: referenced.contains("caller"))
    let name = definition.name
    return { frame in
      let defining = FrameReference(frame: frame)
      return .callable(
        Callable(name: name) { arguments, context in
          guard let state = context.state else {
            throw context.error("macro '\(name)' called outside a render")
          }
          return try state.nested(at: context.span ?? span) {
            let scope = Frame(parent: defining.frame)
            try signature.bind(arguments, into: scope, context)
            let output = Output()
            try body(scope, output)
            return output.nativeResult
          }
        })
    }
  }
}

/// A macro's parameters and which of `varargs`, `kwargs`, `caller` its body uses.
struct MacroSignature: Sendable {
  let name: String
  let parameters: [(String, Evaluator?)]
  let catchesVarargs: Bool
  let catchesKwargs: Bool
  let catchesCaller: Bool

  func bind(_ arguments: Arguments, into scope: Frame, _ context: CallContext) throws {
    var bound = [Value?](repeating: nil, count: parameters.count)
    for (position, value) in arguments.positional.enumerated() where position < parameters.count {
      bound[position] = value
    }
    let extra = Array(arguments.positional.dropFirst(parameters.count))
    if !extra.isEmpty && !catchesVarargs {
      throw context.error(
        "macro '\(name)' takes not more than \(parameters.count) argument(s)", kind: .type)
    }
    var keywords = ValueMap()
    for (key, value) in arguments.named {
      if let position = parameters.firstIndex(where: { $0.0 == key }) {
        guard bound[position] == nil else {
          throw context.error(
            "macro '\(name)' got multiple values for argument '\(key)'", kind: .type)
        }
        bound[position] = value
      } else if key == "caller" {
        if catchesCaller { scope.assign("caller", value) }
      } else if catchesKwargs {
        keywords[key] = value
      } else {
        throw context.error("macro '\(name)' takes no keyword argument '\(key)'", kind: .type)
      }
    }
    for (position, (parameter, defaultValue)) in parameters.enumerated() {
      if let value = bound[position] {
        scope.assign(parameter, value)
      } else if let defaultValue {
        scope.assign(parameter, try defaultValue(scope))
      } else {
        scope.assign(
          parameter,
          .undefined(Undefined(name: parameter, hint: "missing argument of macro '\(name)'")))
      }
    }
    if catchesVarargs { scope.assign("varargs", .list(extra)) }
    if catchesKwargs { scope.assign("kwargs", .map(keywords)) }
  }
}
