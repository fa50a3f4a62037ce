/// An expression node with its byte range in the template.
struct Expression {
  var kind: ExpressionKind
  var offset: Int
  var length: Int
}

/// Binary operators with their Jinja2 spelling.
enum BinaryOperator: String {
  case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//"
  case modulo = "%", power = "**", concat = "~", and, or
}

/// Comparison operators, including membership.
enum CompareOperator: String {
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
  case greaterEqual = ">=", contains = "in", notContains = "not in"
}

/// Call arguments: positional, keyword, `*args` and `**kwargs`.
struct CallArguments {
  var positional: [Expression] = []
  var named: [(name: String, value: Expression)] = []
  var star: Expression?
  var doubleStar: Expression?
}

/// The kinds of expression.
indirect enum ExpressionKind {
  case literal(Value)
  case name(String)
  case list([Expression])
  case tuple([Expression])
  case dict([(key: Expression, value: Expression)])
  case attribute(Expression, String)
  case item(Expression, Expression)
  case slice(Expression, start: Expression?, stop: Expression?, step: Expression?)
  case negate(Expression)
  case positive(Expression)
  case not(Expression)
  case binary(BinaryOperator, Expression, Expression)
  case compare(Expression, [(op: CompareOperator, operand: Expression)])
  case test(Expression, name: String, CallArguments, negated: Bool)
  /// A filter; the subject is nil inside `{% filter %}` blocks.
  case filter(Expression?, name: String, CallArguments)
  case call(Expression, CallArguments)
  case conditional(then: Expression, condition: Expression, otherwise: Expression?)
}

/// An assignment target of `set`, `for` and `with`.
indirect enum AssignTarget {
  case name(String)
  case tuple([AssignTarget])
  /// `namespace.attribute`.
  case attribute(String, String)

  /// The plain names the target binds.
  var names: [String] {
    switch self {
    case .name(let name): return [name]
    case .tuple(let items): return items.flatMap(\.names)
    case .attribute: return []
    }
  }
}

/// A macro definition (also the body of a `call` block).
struct MacroDefinition {
  var name: String
  var parameters: [(name: String, defaultValue: Expression?)]
  var body: [Statement]
}

/// A statement node with its byte range in the template.
struct Statement {
  var kind: StatementKind
  var offset: Int
  var length: Int
}

/// The kinds of statement.
indirect enum StatementKind {
  case data(String)
  case output(Expression)
  case conditional([(condition: Expression, body: [Statement])], otherwise: [Statement]?)
  case loop(ForLoop)
  case assign(AssignTarget, Expression)
  case assignBlock(AssignTarget, filter: Expression?, body: [Statement])
  case include(Expression, ignoreMissing: Bool, withContext: Bool)
  case importModule(Expression, alias: String, withContext: Bool)
  case importNames(Expression, names: [(name: String, alias: String?)], withContext: Bool)
  case macro(MacroDefinition)
  case callBlock(Expression, caller: MacroDefinition)
  case filterBlock(Expression, body: [Statement])
  case with([(target: AssignTarget, value: Expression)], body: [Statement])
}

/// A `for` loop.
struct ForLoop {
  var target: AssignTarget
  var iterable: Expression
  var condition: Expression?
  var body: [Statement]
  var otherwise: [Statement]?
  var recursive: Bool
}
