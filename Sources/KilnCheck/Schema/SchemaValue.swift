import Jinja
import KilnDiagnostics
import KilnYAML

/// Checks one evaluated value against one schema entry's type, enum, range and pattern.
enum SchemaValue {
  struct Violation {
    var id: DiagnosticID
    var message: String
    var hint: String
  }

  static func violation(of entry: VariableSchema.Entry, value: Value) -> Violation? {
    let shown = value.pythonString()
    if let type = entry.type, !matches(value, type) {
      return Violation(
        id: CheckID.schemaType, message: "is \(shown), which is not of type \(type.rawValue)",
        hint: "give a value of type \(type.rawValue)")
    }
    if !entry.allowed.isEmpty, !entry.allowed.contains(where: { equal($0, value) }) {
      let allowed = entry.allowed.map { $0.scalar?.text ?? $0.kindName }
      var hint = "allowed: " + allowed.joined(separator: ", ")
      if let close = Suggestion.closest(to: shown, among: allowed) {
        hint = "did you mean '\(close)'? " + hint
      }
      return Violation(
        id: CheckID.schemaEnum, message: "is '\(shown)', not an allowed value", hint: hint)
    }
    if let number = number(value) {
      if let minimum = entry.minimum, number < minimum {
        return Violation(
          id: CheckID.schemaRange, message: "is \(shown), below the minimum \(format(minimum))",
          hint: "give a value of at least \(format(minimum))")
      }
      if let maximum = entry.maximum, number > maximum {
        return Violation(
          id: CheckID.schemaRange, message: "is \(shown), above the maximum \(format(maximum))",
          hint: "give a value of at most \(format(maximum))")
      }
    }
    if let pattern = entry.pattern, case .string(let text) = value,
      let regex = try? Regex(pattern), (try? regex.wholeMatch(in: text)) == nil
    {
      return Violation(
        id: CheckID.schemaPattern, message: "is '\(text)', which does not match /\(pattern)/",
        hint: "give a value matching /\(pattern)/")
    }
    return nil
  }

  static func matches(_ value: Value, _ type: SchemaType) -> Bool {
    switch (type, value) {
    case (.any, _), (.string, .string), (.int, .int), (.bool, .bool), (.list, .list),
      (.map, .map), (.float, .float), (.float, .int), (.number, .int), (.number, .float):
      return true
    case (.ip, .string(let text)):
      return IPAddress(text) != nil
    default:
      return false
    }
  }

  static func equal(_ node: YAMLNode, _ value: Value) -> Bool {
    guard let scalar = node.scalar else { return false }
    switch (scalar.value, value) {
    case (.string(let a), .string(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.null, .none): return true
    default: return false
    }
  }

  static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let number): Double(number)
    case .float(let number): number
    default: nil
    }
  }

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}

extension Character {
  fileprivate var isHexDigitOrColon: Bool { isHexDigit || self == ":" }
}
