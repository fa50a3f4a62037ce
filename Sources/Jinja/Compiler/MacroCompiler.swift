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
      (Symbol($0.name), try $0.defaultValue.map(expressions.compile))
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
            let output = Output(capacity: 64)
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
  let parameters: [(Symbol, Evaluator?)]
  let catchesVarargs: Bool
  let catchesKwargs: Bool
  let catchesCaller: Bool

  func bind(_ arguments: Arguments, into scope: Frame, _ context: CallContext) throws {
    let positional = arguments.positional
    if positional.count > parameters.count && !catchesVarargs {
      throw context.error(
        "macro '\(name)' takes not more than \(parameters.count) argument(s)", kind: .type)
    }
    for index in 0..<min(positional.count, parameters.count) {
      scope.assign(parameters[index].0, positional[index])
    }
    var keywords = ValueMap()
    for (key, value) in arguments.named {
      if let position = parameters.firstIndex(where: { $0.0.name == key }) {
        guard position >= positional.count else {
          throw context.error(
            "macro '\(name)' got multiple values for argument '\(key)'", kind: .type)
        }
        scope.assign(parameters[position].0, value)
      } else if key == "caller" {
        if catchesCaller { scope.assign(Symbol.caller, value) }
      } else if catchesKwargs {
        keywords[key] = value
      } else {
        throw context.error("macro '\(name)' takes no keyword argument '\(key)'", kind: .type)
      }
    }
    if arguments.named.count + positional.count < parameters.count || !arguments.named.isEmpty {
      for (parameter, defaultValue) in parameters.dropFirst(positional.count)
      where scope.local(parameter) == nil {
        if let defaultValue {
          scope.assign(parameter, try defaultValue(scope))
        } else {
          scope.assign(
            parameter,
            .undefined(Undefined(name: parameter.name, hint: "missing argument of macro '\(name)'"))
          )
        }
      }
    }
    if catchesVarargs {
      scope.assign(Symbol.varargs, .list(Array(positional.dropFirst(parameters.count))))
    }
    if catchesKwargs { scope.assign(Symbol.kwargs, .map(keywords)) }
  }
}
