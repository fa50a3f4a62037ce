import Jinja
import KilnGit

/// Globals Kiln adds to Ansible's template environment: `lookup('template', name)` and
/// `lookup('file', path)`, resolved inside the configuration repository.
enum TemplateGlobals {
  static func make(source: any SourceTree) -> [String: Value] {
    let lookup = Callable(name: "lookup") { arguments, context in
      guard case .string(let kind)? = arguments.argument(0, "_terms_kind"),
        case .string(let term)? = arguments.argument(1, "_term")
      else {
        throw context.error(
          "lookup expects a plugin name and a term, e.g. lookup('template', 'x.j2')")
      }
      switch kind {
      case "template", "ansible.builtin.template":
        let template = try context.environment.template(named: term)
        var text = try template.render(context.variables)
        if text.hasSuffix("\n") { text.removeLast() }
        return .string(text)
      case "file", "ansible.builtin.file":
        guard let bytes = try source.readFile(term) else {
          throw context.error(
            "lookup('file'): no file '\(term)' in the repository",
            hint: "give the path relative to the repository root")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return .string(text)
      default:
        throw context.error(
          "lookup plugin '\(kind)' is not available in Kiln",
          hint: "Kiln supports lookup('template', …) and lookup('file', …); other lookups "
            + "would make renders depend on the machine")
      }
    }
    return ["lookup": .callable(lookup)]
  }
}
