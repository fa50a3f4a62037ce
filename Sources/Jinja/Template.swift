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
  /// The effective options (after a `#jinja2:` header); included templates inherit them.
  let options: TemplateOptions
  /// The text itself when it has no template syntax (Ansible returns such text untouched).
  let plainText: String?

  /// Compiles `text`; a top-level template honours a `#jinja2:` header and passes plain text
  /// through untouched, as Ansible's templar does; included templates use `inherited` options.
  init(environment: Environment, name: String, text: String, inherited: TemplateOptions? = nil)
    throws
  {
    self.environment = environment
    self.name = name
    var bytes = Array(text.utf8)
    trailingNewlines = bytes.reversed().prefix { $0 == Ascii.newline }.count
    plainText = inherited == nil && !Template.hasTemplateSyntax(bytes) ? text : nil
    if bytes.contains(UInt8(ascii: "\r")) { bytes = Template.normalizeNewlines(bytes) }
    let lines = LineTable(file: name, bytes: bytes)
    var (options, start) = (inherited ?? environment.options, 0)
    if inherited == nil {
      (options, start) = try TemplateHeader.parse(bytes, options: options, lines: lines)
    }
    self.options = options
    var lexer = Lexer(bytes: bytes, start: start, options: options, lines: lines)
    var parser = Parser(tokens: try lexer.tokenize(), lines: lines)
    let statements = try parser.parseTemplate()
    body = try StatementCompiler(lines: lines).compileBody(statements)
    referencedNames = Template.freeNames(statements, globals: environment.globals)
    sourceLength = bytes.count
  }

  /// Whether the text has `{{`, `{%`, `{#` or a `#jinja2:` header.
  private static func hasTemplateSyntax(_ bytes: [UInt8]) -> Bool {
    if bytes.starts(with: TemplateHeader.prefix) { return true }
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == Ascii.braceOpen {
        let next = bytes[index + 1]
        if next == Ascii.braceOpen || next == Ascii.percent || next == Ascii.hash { return true }
      }
      index += 1
    }
    return false
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
    if let plainText { return plainText.isEmpty ? .none : .string(plainText) }
    let state = RenderState(
      environment: environment, options: options, variables: variables, trace: trace)
    let frame = Frame(state: state)
    let output = Output(capacity: sourceLength + sourceLength / 2, isRoot: true)
    try body(frame, output)
    if output.chunks == 0 { return .none }
    if output.chunks == 1, let value = output.firstValue {
      if case .string = value {} else { return value }
    }
    var text = output.text
    var present = 0
    for byte in text.utf8.reversed() {
      guard byte == Ascii.newline else { break }
      present += 1
    }
    if present < trailingNewlines {
      text += String(repeating: "\n", count: trailingNewlines - present)
    }
    return .string(text)
  }
}
