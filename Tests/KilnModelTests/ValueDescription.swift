import Jinja
import KilnModel
import KilnYAML

/// A compact, deterministic text form of template values and layered values for assertions.
func describe(_ value: Value?) -> String {
  guard let value else { return "undefined" }
  switch value {
  case .undefined: return "undefined"
  case .none: return "null"
  case .bool(let flag): return flag ? "true" : "false"
  case .int(let number): return String(number)
  case .float(let number): return String(number)
  case .string(let text): return "'\(text)'"
  case .list(let items): return "[" + items.map { describe($0) }.joined(separator: ", ") + "]"
  case .map(let map):
    return "{" + map.map { "\(describe($0.key)): \(describe($0.value))" }.joined(separator: ", ")
      + "}"
  case .callable(let callable): return "callable \(callable.name)"
  case .object(let object): return "object \(object.typeName)"
  }
}

/// The text each contribution wrote (a scalar's text, or its kind), lowest first.
func writtenTexts(_ explanation: VariableExplanation) -> [String] {
  explanation.contributions.map { contribution in
    if case .scalar(let scalar) = contribution.node.content { return scalar.text }
    return contribution.node.kindName
  }
}
