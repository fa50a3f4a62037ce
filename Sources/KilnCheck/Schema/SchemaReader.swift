import KilnDiagnostics
import KilnYAML

/// Reads the `variables:` mapping of a schema file; every malformed part is a KLN160 finding
/// at its own line, and the rest of the schema is still used.
enum SchemaReader {
  static func entries(_ root: YAMLNode, file: String) -> ([VariableSchema.Entry], [Diagnostic]) {
    var problems: [Diagnostic] = []
    guard let variables = root["variables"], let pairs = variables.mappingPairs else {
      let problem = invalid(
        "schema \(file) has no `variables:` mapping", at: root.location,
        hint: "write `variables:` with one entry per variable, e.g. `x: {type: int}`")
      return ([], [problem])
    }
    var entries: [VariableSchema.Entry] = []
    for pair in pairs {
      guard let name = pair.key.string else {
        problems.append(invalid("a variable name must be a string", at: pair.key.location))
        continue
      }
      var entry = VariableSchema.Entry(name: name, location: pair.key.location)
      guard let rules = pair.value.mappingPairs else {
        problems.append(
          invalid("the rules of '\(name)' must be a mapping", at: pair.value.location))
        continue
      }
      for rule in rules {
        if let problem = read(rule, into: &entry) { problems.append(problem) }
      }
      entries.append(entry)
    }
    return (entries, problems)
  }

  private static func read(_ rule: YAMLPair, into entry: inout VariableSchema.Entry)
    -> Diagnostic?
  {
    let key = rule.key.string ?? ""
    let value = rule.value
    switch key {
    case "type":
      guard let text = value.string, let type = SchemaType(rawValue: text) else {
        return invalid(
          "unknown type '\(value.string ?? value.kindName)' for '\(entry.name)'",
          at: value.location,
          hint: "types: " + SchemaType.allCases.map(\.rawValue).joined(separator: ", "))
      }
      entry.type = type
    case "enum":
      guard let items = value.sequenceItems else {
        return invalid("`enum` of '\(entry.name)' must be a list", at: value.location)
      }
      entry.allowed = items
    case "min", "max":
      guard let number = value.double ?? value.int.map(Double.init) else {
        return invalid("`\(key)` of '\(entry.name)' must be a number", at: value.location)
      }
      if key == "min" { entry.minimum = number } else { entry.maximum = number }
    case "pattern":
      guard let text = value.string, (try? Regex(text)) != nil else {
        return invalid(
          "`pattern` of '\(entry.name)' is not a valid regular expression", at: value.location)
      }
      entry.pattern = text
    case "required", "secret":
      guard let flag = value.bool else {
        return invalid("`\(key)` of '\(entry.name)' must be true or false", at: value.location)
      }
      if key == "required" { entry.required = flag } else { entry.secret = flag }
    case "deprecated":
      entry.isDeprecated = value.bool ?? true
      entry.replacement = value.bool == nil ? value.string : nil
    case "description": break
    default:
      var hint = "known keys: " + VariableSchema.keys.joined(separator: ", ")
      if let close = Suggestion.closest(to: key, among: VariableSchema.keys) {
        hint = "did you mean '\(close)'? " + hint
      }
      return invalid(
        "unknown schema key '\(key)' for '\(entry.name)'", at: rule.key.location, hint: hint)
    }
    return nil
  }

  static func invalid(_ message: String, at location: SourceLocation, hint: String? = nil)
    -> Diagnostic
  {
    Diagnostic(
      id: CheckID.schemaInvalid, message: message, location: location,
      hint: hint ?? "fix the schema entry; see the schema format in the README")
  }
}
