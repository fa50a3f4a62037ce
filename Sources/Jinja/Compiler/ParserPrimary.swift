/// Primary expressions, postfix operators, filters, tests and calls.
extension Parser {
  mutating func parsePrimary() throws -> Expression {
    let token = current
    let start = token.offset
    switch token.kind {
    case .name:
      index += 1
      switch token.text {
      case "true", "True": return node(.literal(.bool(true)), from: start)
      case "false", "False": return node(.literal(.bool(false)), from: start)
      case "none", "None": return node(.literal(.none), from: start)
      default: return node(.name(token.text), from: start)
      }
    case .string:
      var text = advance().text
      while current.kind == .string { text += advance().text }
      return node(.literal(.string(text)), from: start)
    case .integer:
      index += 1
      return node(.literal(.int(token.integer)), from: start)
    case .float:
      index += 1
      return node(.literal(.float(token.float)), from: start)
    case .op where token.text == "(":
      index += 1
      let expression = try parseTuple(explicitParentheses: true)
      try expectOp(")")
      return Expression(kind: expression.kind, offset: start, length: current.offset - start)
    case .op where token.text == "[":
      return try parseList()
    case .op where token.text == "{":
      return try parseDict()
    default:
      throw unexpected("an expression")
    }
  }

  /// A comma-separated expression list; more than one item (or a trailing comma) is a tuple.
  mutating func parseTuple(
    explicitParentheses: Bool = false, withCondition: Bool = true,
    endNames: Set<String> = []
  ) throws -> Expression {
    let start = current.offset
    var items: [Expression] = []
    var isTuple = false
    while true {
      if !items.isEmpty { try expectOp(",") }
      if isTupleEnd(endNames) { break }
      items.append(try parseExpression(withCondition: withCondition))
      if current.isOp(",") { isTuple = true } else { break }
    }
    if !isTuple {
      if let single = items.first { return single }
      if !explicitParentheses { throw unexpected("an expression") }
    }
    return node(.tuple(items), from: start)
  }

  private func isTupleEnd(_ endNames: Set<String>) -> Bool {
    switch current.kind {
    case .variableEnd, .blockEnd, .eof: return true
    case .op: return current.text == ")"
    case .name: return endNames.contains(current.text)
    default: return false
    }
  }

  private mutating func parseList() throws -> Expression {
    let start = try expectOp("[").offset
    var items: [Expression] = []
    while !current.isOp("]") {
      if !items.isEmpty { try expectOp(",") }
      if current.isOp("]") { break }
      items.append(try parseExpression())
    }
    try expectOp("]")
    return node(.list(items), from: start)
  }

  private mutating func parseDict() throws -> Expression {
    let start = try expectOp("{").offset
    var items: [(key: Expression, value: Expression)] = []
    while !current.isOp("}") {
      if !items.isEmpty { try expectOp(",") }
      if current.isOp("}") { break }
      let key = try parseExpression()
      try expectOp(":")
      items.append((key, try parseExpression()))
    }
    try expectOp("}")
    return node(.dict(items), from: start)
  }

  mutating func parsePostfix(_ base: Expression, from start: Int) throws -> Expression {
    var expression = base
    while true {
      if current.isOp(".") || current.isOp("[") {
        expression = try parseSubscript(expression, from: start)
      } else if current.isOp("(") {
        expression = node(.call(expression, try parseCallArguments()), from: start)
      } else {
        return expression
      }
    }
  }

  mutating func parseFilterExpression(_ base: Expression, from start: Int) throws -> Expression {
    var expression = base
    while true {
      if skipOp("|") {
        let name = try parseDottedName()
        let arguments = current.isOp("(") ? try parseCallArguments() : CallArguments()
        expression = node(.filter(expression, name: name, arguments), from: start)
      } else if current.isName("is") {
        expression = try parseTest(expression, from: start)
      } else if current.isOp("(") {
        expression = node(.call(expression, try parseCallArguments()), from: start)
      } else {
        return expression
      }
    }
  }

  mutating func parseDottedName() throws -> String {
    var name = try expectName().text
    while current.isOp("."), peek().kind == .name {
      index += 1
      name += "." + advance().text
    }
    return name
  }

  private mutating func parseTest(_ subject: Expression, from start: Int) throws -> Expression {
    index += 1
    let negated = skipName("not")
    let name = try parseDottedName()
    var arguments = CallArguments()
    if current.isOp("(") {
      arguments = try parseCallArguments()
    } else if startsTestArgument() {
      if current.isName("is") {
        throw error("you cannot chain multiple tests with 'is'", at: current.offset)
      }
      let argumentStart = current.offset
      let primary = try parsePrimary()
      arguments.positional = [try parsePostfix(primary, from: argumentStart)]
    }
    return node(.test(subject, name: name, arguments, negated: negated), from: start)
  }

  private func startsTestArgument() -> Bool {
    switch current.kind {
    case .name: return !["else", "or", "and"].contains(current.text)
    case .string, .integer, .float: return true
    case .op: return current.text == "(" || current.text == "[" || current.text == "{"
    default: return false
    }
  }

  private mutating func parseSubscript(_ base: Expression, from start: Int) throws -> Expression {
    if skipOp(".") {
      let token = advance()
      switch token.kind {
      case .name: return node(.attribute(base, token.text), from: start)
      case .integer:
        return node(
          .item(base, node(.literal(.int(token.integer)), from: token.offset)), from: start)
      default:
        throw error("expected a name or number after '.'", at: token.offset, token.length)
      }
    }
    try expectOp("[")
    var subscripts: [Expression] = []
    var isTuple = false
    while !current.isOp("]") {
      if !subscripts.isEmpty {
        try expectOp(",")
        isTuple = true
        if current.isOp("]") { break }
      }
      subscripts.append(try parseSubscribed(base, from: start))
    }
    try expectOp("]")
    guard let first = subscripts.first else { throw unexpected("a subscript") }
    if case .slice = first.kind, subscripts.count == 1 { return first }
    let key = isTuple || subscripts.count > 1 ? node(.tuple(subscripts), from: first.offset) : first
    return node(.item(base, key), from: start)
  }

  /// One subscript: an expression or a slice `a:b:c` (the slice wraps `base`).
  private mutating func parseSubscribed(_ base: Expression, from start: Int) throws -> Expression {
    var parts: [Expression?] = []
    if current.isOp(":") {
      parts.append(nil)
    } else {
      let expression = try parseExpression()
      guard current.isOp(":") else { return expression }
      parts.append(expression)
    }
    index += 1
    parts.append(
      current.isOp("]") || current.isOp(",") || current.isOp(":") ? nil : try parseExpression())
    if skipOp(":") {
      parts.append(current.isOp("]") || current.isOp(",") ? nil : try parseExpression())
    } else {
      parts.append(nil)
    }
    return node(.slice(base, start: parts[0], stop: parts[1], step: parts[2]), from: start)
  }

  mutating func parseCallArguments() throws -> CallArguments {
    try expectOp("(")
    var arguments = CallArguments()
    var requireComma = false
    while !current.isOp(")") {
      if requireComma {
        try expectOp(",")
        if current.isOp(")") { break }
      }
      if skipOp("*") {
        arguments.star = try parseExpression()
      } else if skipOp("**") {
        arguments.doubleStar = try parseExpression()
      } else if current.kind == .name, peek().isOp("=") {
        let name = advance().text
        index += 1
        arguments.named.append((name, try parseExpression()))
      } else {
        if !arguments.named.isEmpty {
          throw error("positional argument follows keyword argument", at: current.offset)
        }
        arguments.positional.append(try parseExpression())
      }
      requireComma = true
    }
    try expectOp(")")
    return arguments
  }
}
