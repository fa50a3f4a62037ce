/// Compiled call arguments.
struct CompiledArguments: Sendable {
  var positional: [Evaluator] = []
  var named: [(name: String, value: Evaluator)] = []
  var star: Evaluator?
  var doubleStar: Evaluator?

  func evaluate(_ frame: Frame, _ span: SourceSpan) throws -> Arguments {
    var arguments = Arguments()
    if !positional.isEmpty {
      arguments.positional.reserveCapacity(positional.count)
      for evaluator in positional { arguments.positional.append(try evaluator(frame)) }
    }
    if let star {
      let extra = try Evaluation.defined(try star(frame), span, frame)
      arguments.positional += try Evaluation.located(span, frame) { try Access.iterate(extra) }
    }
    for (name, evaluator) in named { arguments.named.append((name, try evaluator(frame))) }
    if let doubleStar {
      let extra = try Evaluation.defined(try doubleStar(frame), span, frame)
      guard case .map(let map) = extra else {
        throw frame.state.error(
          .type, "argument after ** must be a mapping, not \(extra.typeName)", span)
      }
      for (key, value) in map { arguments.named.append((key.pythonString(), value)) }
    }
    return arguments
  }
}

/// Filters that accept an undefined subject.
private let undefinedTolerantFilters: Set<String> = ["default", "d", "mandatory"]

extension ExpressionCompiler {
  func compileArguments(_ arguments: CallArguments) throws -> CompiledArguments {
    CompiledArguments(
      positional: try arguments.positional.map(compile),
      named: try arguments.named.map { ($0.name, try compile($0.value)) },
      star: try arguments.star.map(compile),
      doubleStar: try arguments.doubleStar.map(compile))
  }

  func compileFilter(
    _ subject: @escaping Evaluator, _ name: String, _ arguments: CallArguments, _ span: SourceSpan
  ) throws -> Evaluator {
    let compiled = try compileArguments(arguments)
    let tolerant = undefinedTolerantFilters.contains(name)
    let builtin = BuiltinFilters.all[name]
    return { frame in
      let value = try subject(frame)
      if !tolerant, case .undefined(let undefined) = value {
        throw Evaluation.undefinedError(undefined, span, frame.state)
      }
      let environment = frame.state.environment
      guard
        let filter = environment.hasBuiltinFiltersOnly ? builtin : environment.filters[name]
      else {
        throw frame.state.error(
          .filter, "no filter named '\(name)'", span, hint: "check the filter name")
      }
      let arguments = try compiled.evaluate(frame, span)
      do {
        return try filter(value, arguments, Evaluation.context(frame, span))
      } catch {
        throw Evaluation.wrapForeign(error, .filter, span, frame)
      }
    }
  }

  func compileTest(
    _ subject: Expression, _ name: String, _ arguments: CallArguments, _ negated: Bool,
    _ span: SourceSpan
  ) throws -> Evaluator {
    let subjectEvaluator = try compile(subject)
    if name == "defined" || name == "undefined" {
      let wantDefined = (name == "defined") != negated
      return { frame in .bool(!(try subjectEvaluator(frame)).isUndefined == wantDefined) }
    }
    let compiled = try compileArguments(arguments)
    let builtin = BuiltinTests.all[name]
    return { frame in
      let value = try Evaluation.defined(try subjectEvaluator(frame), span, frame)
      let environment = frame.state.environment
      guard let test = environment.hasBuiltinTestsOnly ? builtin : environment.tests[name] else {
        throw frame.state.error(.test, "no test named '\(name)'", span, hint: "check the test name")
      }
      let arguments = try compiled.evaluate(frame, span)
      do {
        return .bool(try test(value, arguments, Evaluation.context(frame, span)) != negated)
      } catch {
        throw Evaluation.wrapForeign(error, .test, span, frame)
      }
    }
  }

  func compileCall(_ callee: Expression, _ arguments: CallArguments, _ span: SourceSpan) throws
    -> Evaluator
  {
    let compiled = try compileArguments(arguments)
    if case .attribute(let base, let method) = callee.kind {
      let baseEvaluator = try compile(base)
      let calleeText = text(callee)
      let writer = Mutation.methods.contains(method) ? try compileWriter(base) : nil
      return { frame in
        let receiver = try Evaluation.defined(try baseEvaluator(frame), span, frame)
        let arguments = try compiled.evaluate(frame, span)
        let context = Evaluation.context(frame, span)
        if let member = try Self.member(receiver, method) {
          return try Self.call(member, arguments, context, frame, span)
        }
        if let writer,
          let (changed, result) = try Evaluation.located(
            span, frame, { try Mutation.apply(receiver, method, arguments) })
        {
          try writer(frame, changed)
          return result
        }
        do {
          if let result = try BuiltinMethods.call(receiver, method: method, arguments, context) {
            return result
          }
        } catch {
          throw Evaluation.wrapForeign(error, .runtime, span, frame)
        }
        throw frame.state.error(
          .undefined,
          "'\(calleeText)' is undefined: '\(receiver.typeName)' object has no attribute '\(method)'",
          span)
      }
    }
    let calleeEvaluator = try compile(callee)
    return { frame in
      let function = try Evaluation.defined(try calleeEvaluator(frame), span, frame)
      let arguments = try compiled.evaluate(frame, span)
      return try Self.call(function, arguments, Evaluation.context(frame, span), frame, span)
    }
  }

  /// A closure that stores a changed value back where `target` reads it from, if it is a path
  /// rooted at a variable (`x`, `x.a`, `x['k']`, `ns.items`).
  func compileWriter(_ target: Expression) throws -> (@Sendable (Frame, Value) throws -> Void)? {
    switch target.kind {
    case .name(let name):
      let symbol = Symbol(name)
      return { frame, value in frame.reassign(symbol, value) }
    case .attribute(let base, let key):
      let read = try compile(base)
      let write = try compileWriter(base)
      return { frame, value in
        switch try read(frame) {
        case .map(var map):
          map[key] = value
          try write?(frame, .map(map))
        case .object(let namespace as NamespaceObject):
          namespace.set(key, value)
        default: break
        }
      }
    case .item(let base, let keyExpression):
      let read = try compile(base)
      let readKey = try compile(keyExpression)
      let write = try compileWriter(base)
      return { frame, value in
        let key = try readKey(frame)
        switch try read(frame) {
        case .map(var map):
          map[key] = value
          try write?(frame, .map(map))
        case .list(var items):
          guard let index = key.intValue else { return }
          let position = index < 0 ? items.count + index : index
          guard position >= 0, position < items.count else { return }
          items[position] = value
          try write?(frame, .list(items))
        default: break
        }
      }
    default:
      return nil
    }
  }

  /// A callable member of a mapping or object (imported macros, namespaces).
  private static func member(_ receiver: Value, _ name: String) throws -> Value? {
    switch receiver {
    case .map(let map):
      if let value = map[name], case .callable = value { return value }
    case .object(let object):
      if let value = try object.value(forKey: name), case .callable = value { return value }
    default: break
    }
    return nil
  }

  static func call(
    _ function: Value, _ arguments: Arguments, _ context: CallContext, _ frame: Frame,
    _ span: SourceSpan
  ) throws -> Value {
    do {
      switch function {
      case .callable(let callable):
        return try callable.body(arguments, context)
      case .object(let object as LoopObject):
        return try object.recurse(arguments, context)
      default:
        throw frame.state.error(.type, "'\(function.typeName)' object is not callable", span)
      }
    } catch {
      throw Evaluation.wrapForeign(error, .runtime, span, frame)
    }
  }
}
