/// A compiled template: a tree of closures; render is thread-safe and re-entrant.
public final class Template: Sendable {
  /// The template name (path) shown in messages.
  public let name: String
  let environment: Environment

  init(environment: Environment, name: String, text: String) throws {
    self.environment = environment
    self.name = name
  }

  /// Renders with top-level variables from `variables`; records emissions into `trace`.
  public func render(_ variables: any VariableResolver, trace: RenderTrace? = nil) throws -> String
  {
    throw JinjaError(.runtime, "rendering is not available yet")
  }

  /// Renders with top-level variables from a dictionary.
  public func render(_ variables: [String: Value]) throws -> String {
    try render(DictionaryResolver(variables))
  }

  /// Ansible 2.19 native evaluation: a template that is exactly one `{{ expr }}` returns the
  /// expression's value with its type; otherwise the rendered string.
  public func renderNative(_ variables: any VariableResolver) throws -> Value {
    .string(try render(variables))
  }

  /// Top-level variable names the template can read (for checks).
  public var referencedNames: [String] { [] }
}
