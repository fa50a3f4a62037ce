import Jinja
import KilnDiagnostics
import KilnModel

/// Makes an undefined-variable error say where Kiln looked and what the name may be a typo of.
enum UndefinedHint {
  /// `error` with its hint replaced, when it is about an undefined top-level variable.
  static func enrich(
    _ error: JinjaError, variables: HostVariables, environment: ResolvedEnvironment
  ) -> JinjaError {
    guard error.kind == .undefined, let name = undefinedName(in: error.message),
      !name.contains("."), !name.contains("[")
    else { return error }
    var enriched = error
    var hint = ""
    if let close = Suggestion.closest(to: name, among: variables.names) {
      hint += "did you mean '\(close)'? "
    }
    hint +=
      "searched, lowest first: service defaults.yaml; all; each group's vars and group_vars; "
      + "host vars and host_vars; overlay values — in environments "
      + environment.chain.joined(separator: " → ")
      + ". Define it in one of them, or guard it with '| default(...)'"
    enriched.hint = hint
    return enriched
  }

  /// The quoted name of `'name' is undefined`.
  static func undefinedName(in message: String) -> String? {
    guard message.hasPrefix("'"), let end = message.dropFirst().firstIndex(of: "'"),
      message[end...].hasPrefix("' is undefined")
    else { return nil }
    return String(message[message.index(after: message.startIndex)..<end])
  }
}
