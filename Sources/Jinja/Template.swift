/// A compiled template: a tree of closures; render is thread-safe and re-entrant.
public final class Template: Sendable {
  /// The template name (path) shown in messages.
  public let name: String
  /// Top-level variable names the template can read (for checks), sorted.
  public let referencedNames: [String]
  let environment: Environment
  let body: Executor
  /// The number of newlines the template text ends with (Ansible tops the output up to it).
  let trailingNewlines: Int
  let sourceLength: Int

  init(environment: Environment, name: String, text: String) throws {
    self.environment = environment
    self.name = name
    var bytes = Array(text.utf8)
    if bytes.contains(UInt8(ascii: "\r")) { bytes = Template.normalizeNewlines(bytes) }
    let lines = LineTable(file: name, bytes: bytes)
    let (options, start) = try TemplateHeader.parse(
      bytes, options: environment.options, lines: lines)
    var lexer = Lexer(bytes: bytes, start: start, options: options, lines: lines)
    var parser = Parser(tokens: try lexer.tokenize(), lines: lines)
    let statements = try parser.parseTemplate()
    body = try StatementCompiler(lines: lines).compileBody(statements)
    referencedNames = Template.freeNames(statements, globals: environment.globals)
    trailingNewlines = bytes.reversed().prefix { $0 == Ascii.newline }.count
    sourceLength = bytes.count
  }

  private static func normalizeNewlines(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\r") {
        result.append(Ascii.newline)
        if index + 1 < bytes.count, bytes[index + 1] == Ascii.newline { index += 1 }
      } else {
        result.append(bytes[index])
      }
      index += 1
    }
    return result
  }

  private static func freeNames(_ statements: [Statement], globals: [String: Value]) -> [String] {
    let bound = BoundNames.names(in: statements)
    return NameCollector.names(in: statements)
      .filter { !bound.contains($0) && globals[$0] == nil }
      .sorted()
  }

  /// Renders with top-level variables from `variables`; records emissions into `trace`.
  public func render(_ variables: any VariableResolver, trace: RenderTrace? = nil) throws -> String
  {
    let result = try renderValue(variables, trace: trace)
    if case .none = result { return "" }
    return result.pythonString()
  }

  /// Renders with top-level variables from a dictionary.
  public func render(_ variables: [String: Value]) throws -> String {
    try render(DictionaryResolver(variables))
  }

  /// Ansible 2.19 native evaluation: a template that is exactly one `{{ expr }}` returns the
  /// expression's value with its type; otherwise the rendered string.
  public func renderNative(_ variables: any VariableResolver) throws -> Value {
    try renderValue(variables, trace: nil)
  }

  /// Runs the template with Ansible's result rules: one non-string chunk keeps its type, no
  /// output is `None`, and string output is topped up with the template's trailing newlines.
  private func renderValue(_ variables: any VariableResolver, trace: RenderTrace?) throws -> Value {
    trace?.reset()
    let state = RenderState(environment: environment, variables: variables, trace: trace)
    let frame = Frame(state: state)
    let output = Output(capacity: sourceLength + sourceLength / 2, isRoot: true)
    try body(frame, output)
    if output.chunks == 0 { return .none }
    if output.chunks == 1, let value = output.firstValue {
      if case .string = value {} else { return value }
    }
    var text = output.text
    let present = text.utf8.reversed().prefix { $0 == Ascii.newline }.count
    if present < trailingNewlines {
      text += String(repeating: "\n", count: trailingNewlines - present)
    }
    return .string(text)
  }
}
