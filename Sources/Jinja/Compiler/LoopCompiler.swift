/// Compiles `for` loops.
extension StatementCompiler {
  func compileLoop(_ loop: ForLoop, _ span: SourceSpan) throws -> Executor {
    let iterable = try expressions.compile(loop.iterable)
    let iterableSpan = expressions.span(loop.iterable)
    let condition = try loop.condition.map(expressions.compile)
    let conditionSpan = loop.condition.map(expressions.span) ?? span
    let body = try compileBody(loop.body)
    let otherwise = try loop.otherwise.map(compileBody)
    let target = loop.target
    let recursive = loop.recursive

    return { frame, output in
      func run(_ source: Value, depth: Int, output: Output) throws {
        let sequence = try Evaluation.defined(source, iterableSpan, frame)
        var items = try Evaluation.located(iterableSpan, frame) { try Access.iterate(sequence) }
        let scope = Frame(parent: frame)
        if let condition {
          items = try items.filter { item in
            try StatementCompiler.bind(target, item, scope, span)
            return try Evaluation.truth(try condition(scope), conditionSpan, frame)
          }
        }
        if items.isEmpty {
          try otherwise?(frame, output)
          return
        }
        let recursion: ((Value, CallContext) throws -> Value)? =
          recursive
          ? { items, _ in
            let nested = Output()
            try frame.state.nested(at: span) { try run(items, depth: depth + 1, output: nested) }
            return .string(nested.text)
          } : nil
        let loopObject = LoopObject(items: items, depth: depth, recursion: recursion)
        scope.assign("loop", .object(loopObject))
        for (position, item) in items.enumerated() {
          loopObject.index0 = position
          try StatementCompiler.bind(target, item, scope, span)
          try body(scope, output)
        }
      }
      try run(try iterable(frame), depth: 1, output: output)
    }
  }
}
