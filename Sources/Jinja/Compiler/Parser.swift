/// Recursive-descent parser with Jinja2's operator precedence.
struct Parser {
  var tokens: [Token]
  var index = 0
  let lines: LineTable
  /// Names of the block tags currently open, innermost last (for end-tag messages).
  var openBlocks: [(name: String, offset: Int)] = []
  /// The current expression nesting depth (bounded so hostile input cannot exhaust the stack).
  var expressionDepth = 0
  /// The deepest allowed nesting of expressions or blocks.
  static let maximumNesting = 128

  init(tokens: [Token], lines: LineTable) {
    self.tokens = tokens
    self.lines = lines
  }

  var current: Token { tokens[index] }

  func peek(_ distance: Int = 1) -> Token { tokens[min(index + distance, tokens.count - 1)] }

  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  mutating func skipOp(_ op: String) -> Bool {
    guard current.isOp(op) else { return false }
    index += 1
    return true
  }

  mutating func skipName(_ name: String) -> Bool {
    guard current.isName(name) else { return false }
    index += 1
    return true
  }

  @discardableResult
  mutating func expectOp(_ op: String) throws -> Token {
    guard current.isOp(op) else { throw unexpected("'\(op)'") }
    return advance()
  }

  mutating func expectName() throws -> Token {
    guard current.kind == .name else { throw unexpected("a name") }
    return advance()
  }

  func unexpected(_ expected: String) -> JinjaError {
    JinjaError(
      .syntax, "expected \(expected), got \(current.display)",
      span: lines.span(current.offset, current.length))
  }

  func error(_ message: String, at offset: Int, _ length: Int = 0, hint: String? = nil)
    -> JinjaError
  {
    JinjaError(.syntax, message, span: lines.span(offset, length), hint: hint)
  }

  func node(_ kind: ExpressionKind, from start: Int) -> Expression {
    let previous = tokens[max(index - 1, 0)]
    return Expression(
      kind: kind, offset: start, length: max(0, previous.offset + previous.length - start))
  }

  // MARK: - Expressions

  mutating func parseExpression(withCondition: Bool = true) throws -> Expression {
    expressionDepth += 1
    defer { expressionDepth -= 1 }
    guard expressionDepth <= Parser.maximumNesting else {
      throw error(
        "expression nested more than \(Parser.maximumNesting) levels deep", at: current.offset,
        hint: "simplify the expression")
    }
    return withCondition ? try parseConditional() : try parseOr()
  }

  mutating func parseConditional() throws -> Expression {
    let start = current.offset
    var expression = try parseOr()
    while skipName("if") {
      let condition = try parseOr()
      let otherwise = skipName("else") ? try parseConditional() : nil
      expression = node(
        .conditional(then: expression, condition: condition, otherwise: otherwise), from: start)
    }
    return expression
  }

  mutating func parseOr() throws -> Expression {
    let start = current.offset
    var left = try parseAnd()
    while skipName("or") {
      let right = try parseAnd()
      left = node(.binary(.or, left, right), from: start)
    }
    return left
  }

  mutating func parseAnd() throws -> Expression {
    let start = current.offset
    var left = try parseNot()
    while skipName("and") {
      let right = try parseNot()
      left = node(.binary(.and, left, right), from: start)
    }
    return left
  }

  mutating func parseNot() throws -> Expression {
    let start = current.offset
    if skipName("not") { return node(.not(try parseNot()), from: start) }
    return try parseCompare()
  }

  mutating func parseCompare() throws -> Expression {
    let start = current.offset
    let left = try parseMath1()
    var operations: [(op: CompareOperator, operand: Expression)] = []
    while true {
      if current.kind == .op, let op = CompareOperator(rawValue: current.text),
        op != .contains, op != .notContains
      {
        index += 1
        operations.append((op, try parseMath1()))
      } else if skipName("in") {
        operations.append((.contains, try parseMath1()))
      } else if current.isName("not") && peek().isName("in") {
        index += 2
        operations.append((.notContains, try parseMath1()))
      } else {
        break
      }
    }
    if operations.isEmpty { return left }
    return node(.compare(left, operations), from: start)
  }

  mutating func parseMath1() throws -> Expression {
    let start = current.offset
    var left = try parseConcat()
    while current.kind == .op, current.text == "+" || current.text == "-" {
      let op: BinaryOperator = advance().text == "+" ? .add : .subtract
      let right = try parseConcat()
      left = node(.binary(op, left, right), from: start)
    }
    return left
  }

  mutating func parseConcat() throws -> Expression {
    let start = current.offset
    var left = try parseMath2()
    while skipOp("~") {
      let right = try parseMath2()
      left = node(.binary(.concat, left, right), from: start)
    }
    return left
  }

  mutating func parseMath2() throws -> Expression {
    let start = current.offset
    var left = try parsePower()
    while current.kind == .op, let op = BinaryOperator(rawValue: current.text),
      [.multiply, .divide, .floorDivide, .modulo].contains(op)
    {
      index += 1
      let right = try parsePower()
      left = node(.binary(op, left, right), from: start)
    }
    return left
  }

  mutating func parsePower() throws -> Expression {
    let start = current.offset
    var left = try parseUnary()
    while skipOp("**") {
      let right = try parseUnary()
      left = node(.binary(.power, left, right), from: start)
    }
    return left
  }

  mutating func parseUnary(withFilter: Bool = true) throws -> Expression {
    let start = current.offset
    expressionDepth += 1
    defer { expressionDepth -= 1 }
    guard expressionDepth <= Parser.maximumNesting * 2 else {
      throw error(
        "expression nested more than \(Parser.maximumNesting) levels deep", at: current.offset,
        hint: "simplify the expression")
    }
    var expression: Expression
    if skipOp("-") {
      expression = node(.negate(try parseUnary(withFilter: false)), from: start)
    } else if skipOp("+") {
      expression = node(.positive(try parseUnary(withFilter: false)), from: start)
    } else {
      expression = try parsePrimary()
    }
    expression = try parsePostfix(expression, from: start)
    if withFilter { expression = try parseFilterExpression(expression, from: start) }
    return expression
  }
}
