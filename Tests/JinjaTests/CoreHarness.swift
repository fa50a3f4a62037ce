import Jinja

/// Rendering helpers for the engine's own unit tests.
enum CoreHarness {
  /// Filters the engine tests use, independent of the built-in library.
  static let filters: [String: Filter] = [
    "shout": { value, _, _ in .string(value.pythonString().uppercased()) },
    "twice": { value, _, _ in .string(value.pythonString() + value.pythonString()) },
    "default": { value, arguments, _ in
      value.isUndefined ? (arguments.argument(0, "value") ?? .none) : value
    },
  ]

  static func environment(
    _ templates: [String: String] = [:], options: TemplateOptions = .ansible
  ) -> Environment {
    Environment(loader: DictionaryLoader(templates), options: options, filters: filters)
  }

  /// Renders `text` as a top-level template named `t.j2`.
  static func render(
    _ text: String, _ variables: [String: Value] = [:], templates: [String: String] = [:],
    options: TemplateOptions = .ansible
  ) throws -> String {
    try environment(templates, options: options).compile(text, name: "t.j2").render(variables)
  }

  /// The error rendering `text` throws, or nil.
  static func error(
    _ text: String, _ variables: [String: Value] = [:], templates: [String: String] = [:]
  ) -> JinjaError? {
    do {
      _ = try render(text, variables, templates: templates)
      return nil
    } catch let error as JinjaError {
      return error
    } catch {
      return JinjaError(.runtime, "unexpected error type: \(error)")
    }
  }
}
