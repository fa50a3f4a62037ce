/// Collects the names a template binds itself (set, for, macro, import targets).
enum BoundNames {
  static func names(in statements: [Statement]) -> Set<String> {
    var names: Set<String> = ["loop", "caller", "varargs", "kwargs"]
    for statement in statements { collect(statement, into: &names) }
    return names
  }

  private static func collect(_ statement: Statement, into names: inout Set<String>) {
    switch statement.kind {
    case .data, .output, .include: break
    case .conditional(let branches, let otherwise):
      for child in branches.flatMap(\.body) + (otherwise ?? []) { collect(child, into: &names) }
    case .loop(let loop):
      names.formUnion(loop.target.names)
      for child in loop.body + (loop.otherwise ?? []) { collect(child, into: &names) }
    case .assign(let target, _): names.formUnion(target.names)
    case .assignBlock(let target, _, let body):
      names.formUnion(target.names)
      for child in body { collect(child, into: &names) }
    case .filterBlock(_, let body):
      for child in body { collect(child, into: &names) }
    case .importModule(_, let alias, _): names.insert(alias)
    case .importNames(_, let imported, _):
      for name in imported { names.insert(name.alias ?? name.name) }
    case .macro(let definition):
      names.insert(definition.name)
      names.formUnion(definition.parameters.map(\.name))
      for child in definition.body { collect(child, into: &names) }
    case .callBlock(_, let caller):
      names.formUnion(caller.parameters.map(\.name))
      for child in caller.body { collect(child, into: &names) }
    case .with(let assignments, let body):
      for assignment in assignments { names.formUnion(assignment.target.names) }
      for child in body { collect(child, into: &names) }
    }
  }
}
