/// Collects the variable names a template or body reads.
enum NameCollector {
  static func names(in statements: [Statement]) -> Set<String> {
    var names = Set<String>()
    for statement in statements { collect(statement, into: &names) }
    return names
  }

  /// Names in first-read order, without duplicates.
  static func orderedNames(in statements: [Statement]) -> [String] {
    var ordered: [String] = []
    var seen = Set<String>()
    func visit(_ name: String) {
      if seen.insert(name).inserted { ordered.append(name) }
    }
    var all = Set<String>()
    for statement in statements {
      var names = Set<String>()
      collect(statement, into: &names)
      for name in names.sorted() where !all.contains(name) { visit(name) }
      all.formUnion(names)
    }
    return ordered
  }

  private static func collect(_ statement: Statement, into names: inout Set<String>) {
    switch statement.kind {
    case .data: break
    case .output(let expression): collect(expression, into: &names)
    case .conditional(let branches, let otherwise):
      for branch in branches {
        collect(branch.condition, into: &names)
        for child in branch.body { collect(child, into: &names) }
      }
      for child in otherwise ?? [] { collect(child, into: &names) }
    case .loop(let loop):
      collect(loop.iterable, into: &names)
      if let condition = loop.condition { collect(condition, into: &names) }
      for child in loop.body + (loop.otherwise ?? []) { collect(child, into: &names) }
    case .assign(_, let value): collect(value, into: &names)
    case .assignBlock(_, let filter, let body):
      if let filter { collect(filter, into: &names) }
      for child in body { collect(child, into: &names) }
    case .filterBlock(let filter, let body):
      collect(filter, into: &names)
      for child in body { collect(child, into: &names) }
    case .include(let template, _, _), .importModule(let template, _, _),
      .importNames(let template, _, _):
      collect(template, into: &names)
    case .macro(let definition):
      for child in definition.body { collect(child, into: &names) }
      for parameter in definition.parameters {
        if let value = parameter.defaultValue { collect(value, into: &names) }
      }
    case .callBlock(let call, let caller):
      collect(call, into: &names)
      for child in caller.body { collect(child, into: &names) }
    case .with(let assignments, let body):
      for assignment in assignments { collect(assignment.value, into: &names) }
      for child in body { collect(child, into: &names) }
    }
  }

  private static func collect(_ expression: Expression, into names: inout Set<String>) {
    switch expression.kind {
    case .literal: break
    case .name(let name): names.insert(name)
    case .list(let items), .tuple(let items):
      for item in items { collect(item, into: &names) }
    case .dict(let items):
      for item in items {
        collect(item.key, into: &names)
        collect(item.value, into: &names)
      }
    case .attribute(let base, _), .negate(let base), .positive(let base), .not(let base):
      collect(base, into: &names)
    case .item(let base, let key):
      collect(base, into: &names)
      collect(key, into: &names)
    case .slice(let base, let start, let stop, let step):
      for part in [base, start, stop, step].compactMap({ $0 }) { collect(part, into: &names) }
    case .binary(_, let left, let right):
      collect(left, into: &names)
      collect(right, into: &names)
    case .compare(let left, let operations):
      collect(left, into: &names)
      for operation in operations { collect(operation.operand, into: &names) }
    case .test(let subject, _, let arguments, _):
      collect(subject, into: &names)
      collect(arguments, into: &names)
    case .filter(let subject, _, let arguments):
      if let subject { collect(subject, into: &names) }
      collect(arguments, into: &names)
    case .call(let callee, let arguments):
      collect(callee, into: &names)
      collect(arguments, into: &names)
    case .conditional(let then, let condition, let otherwise):
      for part in [then, condition, otherwise].compactMap({ $0 }) { collect(part, into: &names) }
    }
  }

  private static func collect(_ arguments: CallArguments, into names: inout Set<String>) {
    for argument in arguments.positional { collect(argument, into: &names) }
    for argument in arguments.named { collect(argument.value, into: &names) }
    if let star = arguments.star { collect(star, into: &names) }
    if let doubleStar = arguments.doubleStar { collect(doubleStar, into: &names) }
  }
}
