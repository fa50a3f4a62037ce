/// Compiles expressions into closures.
struct ExpressionCompiler {
  let lines: LineTable

  func span(_ expression: Expression) -> SourceSpan {
    lines.span(expression.offset, expression.length)
  }

  func text(_ expression: Expression) -> String {
    lines.text(expression.offset, expression.length)
  }

  func compile(_ expression: Expression) throws -> Evaluator {
    let span = span(expression)
    switch expression.kind {
    case .literal(let value):
      return { _ in value }
    case .name(let name):
      return { frame in try frame.lookup(name) ?? .undefined(Undefined(name: name)) }
    case .list(let items), .tuple(let items):
      return try compileList(items)
    case .dict(let items):
      return try compileDict(items, span)
    case .attribute(let base, let name):
      let baseEvaluator = try compile(base)
      let text = text(expression)
      return { frame in
        try Evaluation.located(span, frame) {
          try Access.attribute(try baseEvaluator(frame), name, text: text)
        }
      }
    case .item(let base, let key):
      let baseEvaluator = try compile(base)
      let keyEvaluator = try compile(key)
      let text = text(expression)
      return { frame in
        let container = try baseEvaluator(frame)
        let key = try Evaluation.defined(try keyEvaluator(frame), span, frame)
        return try Evaluation.located(span, frame) { try Access.item(container, key, text: text) }
      }
    case .slice(let base, let start, let stop, let step):
      return try compileSlice(base, start, stop, step, span)
    case .negate(let operand):
      return try compileUnary(operand, span, Arithmetic.negate)
    case .positive(let operand):
      return try compileUnary(operand, span, Arithmetic.positive)
    case .not(let operand):
      let evaluator = try compile(operand)
      return { frame in .bool(!(try Evaluation.defined(try evaluator(frame), span, frame)).isTruthy)
      }
    case .binary(let op, let left, let right):
      return try compileBinary(op, left, right, span)
    case .compare(let left, let operations):
      return try compileCompare(left, operations, span)
    case .test(let subject, let name, let arguments, let negated):
      return try compileTest(subject, name, arguments, negated, span)
    case .filter(let subject, let name, let arguments):
      guard let subject else { throw JinjaError(.syntax, "filter without a subject", span: span) }
      return try compileFilter(try compile(subject), name, arguments, span)
    case .call(let callee, let arguments):
      return try compileCall(callee, arguments, span)
    case .conditional(let then, let condition, let otherwise):
      let thenEvaluator = try compile(then)
      let conditionEvaluator = try compile(condition)
      let otherwiseEvaluator: Evaluator
      if let otherwise {
        otherwiseEvaluator = try compile(otherwise)
      } else {
        otherwiseEvaluator = { @Sendable _ in .none }
      }
      return { frame in
        try Evaluation.truth(try conditionEvaluator(frame), span, frame)
          ? try thenEvaluator(frame) : try otherwiseEvaluator(frame)
      }
    }
  }

  private func compileList(_ items: [Expression]) throws -> Evaluator {
    let constants = items.compactMap { item -> Value? in
      if case .literal(let value) = item.kind { return value }
      return nil
    }
    if constants.count == items.count {
      let value = Value.list(constants)
      return { _ in value }
    }
    let evaluators = try items.map { (try compile($0), span($0)) }
    return { frame in
      var values: [Value] = []
      values.reserveCapacity(evaluators.count)
      for (evaluator, span) in evaluators {
        values.append(try Evaluation.defined(try evaluator(frame), span, frame))
      }
      return .list(values)
    }
  }

  private func compileDict(_ items: [(key: Expression, value: Expression)], _ span: SourceSpan)
    throws -> Evaluator
  {
    let evaluators = try items.map { (try compile($0.key), try compile($0.value)) }
    return { frame in
      var map = ValueMap()
      for (key, value) in evaluators {
        map[try Evaluation.defined(try key(frame), span, frame)] = try Evaluation.defined(
          try value(frame), span, frame)
      }
      return .map(map)
    }
  }

  private func compileSlice(
    _ base: Expression, _ start: Expression?, _ stop: Expression?, _ step: Expression?,
    _ span: SourceSpan
  ) throws -> Evaluator {
    let baseEvaluator = try compile(base)
    let bounds = try [start, stop, step].map { try $0.map(compile) }
    return { frame in
      let container = try Evaluation.defined(try baseEvaluator(frame), span, frame)
      let values = try bounds.map { bound in try bound.map { try $0(frame) } }
      return try Evaluation.located(span, frame) {
        try Access.slice(container, values[0], values[1], values[2])
      }
    }
  }

  private func compileUnary(
    _ operand: Expression, _ span: SourceSpan,
    _ operation: @escaping @Sendable (Value) throws -> Value
  ) throws -> Evaluator {
    let evaluator = try compile(operand)
    return { frame in
      let value = try Evaluation.defined(try evaluator(frame), span, frame)
      return try Evaluation.located(span, frame) { try operation(value) }
    }
  }

  private func compileBinary(
    _ op: BinaryOperator, _ left: Expression, _ right: Expression, _ span: SourceSpan
  ) throws -> Evaluator {
    let leftEvaluator = try compile(left)
    let rightEvaluator = try compile(right)
    let operation: @Sendable (Value, Value) throws -> Value
    switch op {
    case .and:
      return { frame in
        let value = try leftEvaluator(frame)
        return try Evaluation.truth(value, span, frame) ? try rightEvaluator(frame) : value
      }
    case .or:
      return { frame in
        let value = try leftEvaluator(frame)
        return try Evaluation.truth(value, span, frame) ? value : try rightEvaluator(frame)
      }
    case .concat:
      return { frame in
        let a = try Evaluation.defined(try leftEvaluator(frame), span, frame)
        let b = try Evaluation.defined(try rightEvaluator(frame), span, frame)
        return .string(a.pythonString() + b.pythonString())
      }
    case .add: operation = Arithmetic.add
    case .subtract: operation = Arithmetic.subtract
    case .multiply: operation = Arithmetic.multiply
    case .divide: operation = Arithmetic.divide
    case .floorDivide: operation = Arithmetic.floorDivide
    case .modulo: operation = Arithmetic.modulo
    case .power: operation = Arithmetic.power
    }
    return { frame in
      let a = try Evaluation.defined(try leftEvaluator(frame), span, frame)
      let b = try Evaluation.defined(try rightEvaluator(frame), span, frame)
      return try Evaluation.located(span, frame) { try operation(a, b) }
    }
  }

  private func compileCompare(
    _ left: Expression, _ operations: [(op: CompareOperator, operand: Expression)],
    _ span: SourceSpan
  ) throws -> Evaluator {
    let leftEvaluator = try compile(left)
    let steps = try operations.map { ($0.op, try compile($0.operand)) }
    return { frame in
      var current = try Evaluation.defined(try leftEvaluator(frame), span, frame)
      for (op, evaluator) in steps {
        let next = try Evaluation.defined(try evaluator(frame), span, frame)
        let holds = try Evaluation.located(span, frame) {
          try Comparison.compare(op, current, next)
        }
        if !holds { return .bool(false) }
        current = next
      }
      return .bool(true)
    }
  }
}
