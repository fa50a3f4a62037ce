/// Macros, call and filter blocks, `with`, include and import statements.
extension Parser {
  mutating func parseMacro(_ start: Int) throws -> StatementKind {
    index += 1
    let name = try expectName().text
    let parameters = try parseSignature()
    try expectBlockEnd()
    let (body, _) = try parseBlockBody("macro", start, until: ["endmacro"])
    return .macro(MacroDefinition(name: name, parameters: parameters, body: body))
  }

  private mutating func parseSignature() throws -> [(name: String, defaultValue: Expression?)] {
    try expectOp("(")
    var parameters: [(name: String, defaultValue: Expression?)] = []
    while !current.isOp(")") {
      if !parameters.isEmpty { try expectOp(",") }
      if current.isOp(")") { break }
      let name = try expectName()
      let defaultValue = skipOp("=") ? try parseExpression() : nil
      if defaultValue == nil, parameters.last?.defaultValue != nil {
        throw error(
          "parameter '\(name.text)' without a default follows one with a default",
          at: name.offset, name.length)
      }
      parameters.append((name.text, defaultValue))
    }
    try expectOp(")")
    return parameters
  }

  mutating func parseCallBlock(_ start: Int) throws -> StatementKind {
    index += 1
    let parameters = current.isOp("(") ? try parseSignature() : []
    let call = try parseExpression()
    guard case .call = call.kind else {
      throw error("expected a call after 'call'", at: call.offset, call.length)
    }
    try expectBlockEnd()
    let (body, _) = try parseBlockBody("call", start, until: ["endcall"])
    return .callBlock(
      call, caller: MacroDefinition(name: "caller", parameters: parameters, body: body))
  }

  mutating func parseFilterBlock(_ start: Int) throws -> StatementKind {
    index += 1
    let filter = try parseFilterChain()
    try expectBlockEnd()
    let (body, _) = try parseBlockBody("filter", start, until: ["endfilter"])
    return .filterBlock(filter, body: body)
  }

  mutating func parseWith(_ start: Int) throws -> StatementKind {
    index += 1
    var assignments: [(target: AssignTarget, value: Expression)] = []
    while current.kind != .blockEnd {
      if !assignments.isEmpty { try expectOp(",") }
      let target = try parseAssignTarget(endNames: [])
      try expectOp("=")
      assignments.append((target, try parseExpression()))
    }
    try expectBlockEnd()
    let (body, _) = try parseBlockBody("with", start, until: ["endwith"])
    return .with(assignments, body: body)
  }

  mutating func parseInclude() throws -> StatementKind {
    index += 1
    let template = try parseExpression()
    var ignoreMissing = false
    if current.isName("ignore"), peek().isName("missing") {
      index += 2
      ignoreMissing = true
    }
    let withContext = parseContextModifier() ?? true
    return .include(template, ignoreMissing: ignoreMissing, withContext: withContext)
  }

  /// `with context` → true, `without context` → false, absent → nil.
  private mutating func parseContextModifier() -> Bool? {
    guard current.isName("with") || current.isName("without"), peek().isName("context") else {
      return nil
    }
    let with = current.isName("with")
    index += 2
    return with
  }

  mutating func parseImport() throws -> StatementKind {
    index += 1
    let template = try parseExpression()
    guard skipName("as") else { throw unexpected("'as'") }
    let alias = try expectName().text
    let withContext = parseContextModifier() ?? false
    return .importModule(template, alias: alias, withContext: withContext)
  }

  mutating func parseFromImport() throws -> StatementKind {
    index += 1
    let template = try parseExpression()
    guard skipName("import") else { throw unexpected("'import'") }
    var names: [(name: String, alias: String?)] = []
    var withContext = false
    while true {
      if !names.isEmpty { try expectOp(",") }
      if current.kind == .name {
        if let modifier = parseContextModifier() {
          withContext = modifier
          break
        }
        let name = advance().text
        let alias = skipName("as") ? try expectName().text : nil
        names.append((name, alias))
        if let modifier = parseContextModifier() {
          withContext = modifier
          break
        }
      } else if names.isEmpty {
        throw unexpected("a name to import")
      }
      if !current.isOp(",") { break }
    }
    return .importNames(template, names: names, withContext: withContext)
  }
}
