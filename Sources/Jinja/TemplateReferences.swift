/// The top-level variables a template reads and the templates it may include, found from its
/// syntax without rendering (for checks that ask "which names can this template reach").
public struct TemplateReferences: Sendable {
  /// One variable the template reads from its context.
  public struct Variable: Sendable, Hashable {
    /// The variable's name.
    public var name: String
    /// Where the template first reads it.
    public var span: SourceSpan
    /// Whether some read is guarded (`x is defined`, `x | default(…)`), so a missing value is
    /// expected rather than an error.
    public var isGuarded: Bool
  }

  /// The free variables (not bound by `set`, `for`, macros or globals), in first-read order.
  public var variables: [Variable]
  /// String literals that can name an included or imported template: the literal targets of
  /// `include`/`import`, and, when a target is computed, every string literal of the template.
  public var includeCandidates: [String]
  /// The names the template binds itself (`set`, `for`, macros, imports), sorted; an included
  /// template sees them too.
  public var boundNames: [String]
}

extension Environment {
  /// Parses `text` (named `name`) and lists what it reads and may include.
  public func references(inTemplateText text: String, name: String) throws -> TemplateReferences {
    let bytes = Array(text.utf8)
    let lines = LineTable(file: name, bytes: bytes)
    let (effective, start) = try TemplateHeader.parse(bytes, options: options, lines: lines)
    var lexer = Lexer(bytes: bytes, start: start, options: effective, lines: lines)
    var parser = Parser(tokens: try lexer.tokenize(), lines: lines)
    let statements = try parser.parseTemplate()
    var walker = ReferenceWalker()
    for statement in statements { walker.visit(statement) }
    let bound = BoundNames.names(in: statements)
    var variables: [TemplateReferences.Variable] = []
    for (name, offset) in walker.reads where !bound.contains(name) && globals[name] == nil {
      variables.append(
        TemplateReferences.Variable(
          name: name, span: lines.span(offset), isGuarded: walker.guarded.contains(name)))
    }
    let includes = walker.hasComputedInclude ? walker.literals : walker.includeTargets
    return TemplateReferences(
      variables: variables, includeCandidates: includes, boundNames: bound.sorted())
  }
}

/// Walks the syntax tree once, recording reads, guards, include targets and string literals.
private struct ReferenceWalker {
  var reads: [(name: String, offset: Int)] = []
  var seen = Set<String>()
  var guarded = Set<String>()
  var includeTargets: [String] = []
  var literals: [String] = []
  var hasComputedInclude = false

  mutating func visit(_ statement: Statement) {
    switch statement.kind {
    case .data: break
    case .output(let expression): visit(expression)
    case .conditional(let branches, let otherwise):
      for branch in branches {
        visit(branch.condition)
        branch.body.forEach { visit($0) }
      }
      otherwise?.forEach { visit($0) }
    case .loop(let loop):
      visit(loop.iterable)
      if let condition = loop.condition { visit(condition) }
      (loop.body + (loop.otherwise ?? [])).forEach { visit($0) }
    case .assign(_, let value): visit(value)
    case .assignBlock(_, let filter, let body):
      if let filter { visit(filter) }
      body.forEach { visit($0) }
    case .filterBlock(let filter, let body):
      visit(filter)
      body.forEach { visit($0) }
    case .include(let target, _, _), .importModule(let target, _, _),
      .importNames(let target, _, _):
      include(target)
    case .macro(let definition):
      definition.body.forEach { visit($0) }
      definition.parameters.compactMap(\.defaultValue).forEach { visit($0) }
    case .callBlock(let call, let caller):
      visit(call)
      caller.body.forEach { visit($0) }
    case .with(let assignments, let body):
      assignments.forEach { visit($0.value) }
      body.forEach { visit($0) }
    }
  }

  mutating func include(_ target: Expression) {
    switch target.kind {
    case .literal(.string(let name)): includeTargets.append(name)
    case .list(let items) where items.allSatisfy(\.isStringLiteral),
      .tuple(let items) where items.allSatisfy(\.isStringLiteral):
      for case .literal(.string(let name)) in items.map(\.kind) { includeTargets.append(name) }
    default:
      hasComputedInclude = true
      visit(target)
    }
  }

  mutating func visit(_ expression: Expression) {
    switch expression.kind {
    case .literal(let value):
      if case .string(let text) = value { literals.append(text) }
    case .name(let name):
      if seen.insert(name).inserted { reads.append((name, expression.offset)) }
    case .list(let items), .tuple(let items): items.forEach { visit($0) }
    case .dict(let items):
      for item in items {
        visit(item.key)
        visit(item.value)
      }
    case .attribute(let base, _), .negate(let base), .positive(let base), .not(let base):
      visit(base)
    case .item(let base, let key):
      visit(base)
      visit(key)
    case .slice(let base, let start, let stop, let step):
      [base, start, stop, step].compactMap { $0 }.forEach { visit($0) }
    case .binary(_, let left, let right):
      visit(left)
      visit(right)
    case .compare(let left, let operations):
      visit(left)
      operations.forEach { visit($0.operand) }
    case .test(let subject, let name, let arguments, _):
      if ["defined", "undefined", "none"].contains(name) { guardRoot(of: subject) }
      visit(subject)
      visit(arguments)
    case .filter(let subject, let name, let arguments):
      if ["default", "d"].contains(name), let subject { guardRoot(of: subject) }
      if let subject { visit(subject) }
      visit(arguments)
    case .call(let callee, let arguments):
      visit(callee)
      visit(arguments)
    case .conditional(let then, let condition, let otherwise):
      [then, condition, otherwise].compactMap { $0 }.forEach { visit($0) }
    }
  }

  mutating func visit(_ arguments: CallArguments) {
    arguments.positional.forEach { visit($0) }
    arguments.named.forEach { visit($0.value) }
    [arguments.star, arguments.doubleStar].compactMap { $0 }.forEach { visit($0) }
  }

  /// Marks the variable at the root of `x`, `x.a`, `x['a']` as guarded.
  mutating func guardRoot(of expression: Expression) {
    switch expression.kind {
    case .name(let name): guarded.insert(name)
    case .attribute(let base, _), .item(let base, _): guardRoot(of: base)
    default: break
    }
  }
}

extension Expression {
  fileprivate var isStringLiteral: Bool {
    if case .literal(.string) = kind { return true }
    return false
  }
}
