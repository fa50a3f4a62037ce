/// Template structure: data, output tags and block statements.
extension Parser {
  /// Parses the whole template.
  mutating func parseTemplate() throws -> [Statement] {
    let body = try parseBody(until: [])
    if current.kind != .eof { throw unexpected("end of template") }
    return body
  }

  /// Parses statements until a block tag named in `endNames` (left unconsumed after `{%`).
  mutating func parseBody(until endNames: Set<String>) throws -> [Statement] {
    var body: [Statement] = []
    while true {
      let token = current
      switch token.kind {
      case .data:
        index += 1
        body.append(Statement(kind: .data(token.text), offset: token.offset, length: token.length))
      case .variableBegin:
        index += 1
        let expression = try parseTuple()
        guard current.kind == .variableEnd else { throw unexpected("'}}'") }
        index += 1
        body.append(
          Statement(kind: .output(expression), offset: expression.offset, length: expression.length)
        )
      case .blockBegin:
        if current.kind == .blockBegin, peek().kind == .name, endNames.contains(peek().text) {
          index += 1
          return body
        }
        index += 1
        body.append(try parseStatement(blockStart: token.offset, endNames: endNames))
      case .eof:
        if let open = openBlocks.last {
          let expected = endNames.sorted().map { "'\($0)'" }.joined(separator: " or ")
          throw error(
            "unexpected end of template: the '\(open.name)' block is not closed "
              + "(expected \(expected))", at: open.offset, 2,
            hint: "add '{% end\(open.name) %}'")
        }
        return body
      default:
        throw unexpected("template data or a tag")
      }
    }
  }

  private mutating func parseStatement(blockStart: Int, endNames: Set<String>) throws -> Statement {
    guard current.kind == .name else { throw unexpected("a statement name") }
    let tag = current
    let kind: StatementKind
    switch tag.text {
    case "if": kind = try parseIf(blockStart)
    case "for": kind = try parseFor(blockStart)
    case "set": kind = try parseSet(blockStart)
    case "macro": kind = try parseMacro(blockStart)
    case "call": kind = try parseCallBlock(blockStart)
    case "filter": kind = try parseFilterBlock(blockStart)
    case "with": kind = try parseWith(blockStart)
    case "include": kind = try parseInclude()
    case "import": kind = try parseImport()
    case "from": kind = try parseFromImport()
    case "block": kind = try parseBlock(blockStart)
    case "print":
      index += 1
      kind = .output(try parseTuple())
    default:
      throw unknownTag(tag, endNames: endNames)
    }
    try expectBlockEnd()
    return Statement(kind: kind, offset: blockStart, length: tag.offset + tag.length - blockStart)
  }

  private func unknownTag(_ tag: Token, endNames: Set<String>) -> JinjaError {
    var message = "unknown tag '\(tag.text)'"
    if let open = openBlocks.last {
      let expected = endNames.sorted().map { "'\($0)'" }.joined(separator: " or ")
      message += "; expected \(expected) to close the '\(open.name)' block"
    }
    let hint =
      ["extends"].contains(tag.text)
      ? "template inheritance is not supported" : nil
    return error(message, at: tag.offset, tag.length, hint: hint)
  }

  mutating func expectBlockEnd() throws {
    guard current.kind == .blockEnd else { throw unexpected("end of statement '%}'") }
    index += 1
  }

  /// Parses a block body up to one of `endNames`, returning the body and the end name found.
  mutating func parseBlockBody(_ name: String, _ start: Int, until endNames: Set<String>)
    throws -> ([Statement], String)
  {
    openBlocks.append((name, start))
    defer { openBlocks.removeLast() }
    let body = try parseBody(until: endNames)
    let end = advance().text
    return (body, end)
  }

  /// `{% block name %}…{% endblock %}` without inheritance renders its body in place.
  private mutating func parseBlock(_ start: Int) throws -> StatementKind {
    index += 1
    let name = try expectName().text
    _ = skipName("scoped")
    _ = skipName("required")
    try expectBlockEnd()
    let (body, _) = try parseBlockBody("block", start, until: ["endblock"])
    if current.kind == .name {
      guard current.text == name else {
        throw error(
          "mismatched block name: '\(current.text)' closes block '\(name)'", at: current.offset,
          current.length)
      }
      index += 1
    }
    return .with([], body: body)
  }

  private mutating func parseIf(_ start: Int) throws -> StatementKind {
    index += 1
    var branches: [(condition: Expression, body: [Statement])] = []
    var condition = try parseTuple(withCondition: false)
    while true {
      try expectBlockEnd()
      let (body, end) = try parseBlockBody("if", start, until: ["elif", "else", "endif"])
      branches.append((condition, body))
      switch end {
      case "elif":
        condition = try parseTuple(withCondition: false)
      case "else":
        try expectBlockEnd()
        let (otherwise, _) = try parseBlockBody("if", start, until: ["endif"])
        return .conditional(branches, otherwise: otherwise)
      default:
        return .conditional(branches, otherwise: nil)
      }
    }
  }

  private mutating func parseFor(_ start: Int) throws -> StatementKind {
    index += 1
    let target = try parseAssignTarget(endNames: ["in"])
    guard skipName("in") else { throw unexpected("'in'") }
    let iterable = try parseTuple(withCondition: false, endNames: ["recursive", "if"])
    let condition = skipName("if") ? try parseExpression() : nil
    let recursive = skipName("recursive")
    try expectBlockEnd()
    let (body, end) = try parseBlockBody("for", start, until: ["endfor", "else"])
    var otherwise: [Statement]?
    if end == "else" {
      try expectBlockEnd()
      otherwise = try parseBlockBody("for", start, until: ["endfor"]).0
    }
    return .loop(
      ForLoop(
        target: target, iterable: iterable, condition: condition, body: body,
        otherwise: otherwise, recursive: recursive))
  }

  private mutating func parseSet(_ start: Int) throws -> StatementKind {
    index += 1
    let target: AssignTarget
    if current.kind == .name, peek().isOp("."), peek(2).kind == .name {
      let namespace = advance().text
      index += 1
      target = .attribute(namespace, advance().text)
    } else {
      target = try parseAssignTarget(endNames: [])
    }
    if skipOp("=") { return .assign(target, try parseTuple()) }
    var filter: Expression?
    if skipOp("|") { filter = try parseFilterChain() }
    try expectBlockEnd()
    let (body, _) = try parseBlockBody("set", start, until: ["endset"])
    return .assignBlock(target, filter: filter, body: body)
  }

  /// `name(args) | other | ...` with no subject, after the first `|` or `filter` keyword.
  mutating func parseFilterChain() throws -> Expression {
    let start = current.offset
    var expression: Expression?
    repeat {
      let name = try parseDottedName()
      let arguments = current.isOp("(") ? try parseCallArguments() : CallArguments()
      expression = node(.filter(expression, name: name, arguments), from: start)
    } while skipOp("|")
    guard let expression else { throw unexpected("a filter name") }
    return expression
  }

  mutating func parseAssignTarget(endNames: Set<String>) throws -> AssignTarget {
    var items: [AssignTarget] = []
    var isTuple = false
    while true {
      if !items.isEmpty { try expectOp(",") }
      if current.kind == .blockEnd || current.isOp("=") || current.isOp(")")
        || (current.kind == .name && endNames.contains(current.text))
      {
        break
      }
      if skipOp("(") {
        items.append(try parseAssignTarget(endNames: []))
        try expectOp(")")
      } else {
        let name = try expectName()
        if ["true", "false", "none", "True", "False", "None"].contains(name.text) {
          throw error("cannot assign to '\(name.text)'", at: name.offset, name.length)
        }
        items.append(.name(name.text))
      }
      if current.isOp(",") { isTuple = true } else { break }
    }
    if !isTuple, let single = items.first { return single }
    if items.isEmpty { throw unexpected("an assignment target") }
    return .tuple(items)
  }
}
