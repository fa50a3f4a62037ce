import Jinja
import KilnYAML

/// Converts YAML trees to template values without layering (for `kiln template` variables).
enum PlainValues {
  static func value(of node: YAMLNode) -> Value {
    switch node.content {
    case .scalar(let scalar):
      switch scalar.value {
      case .null: return .none
      case .bool(let flag): return .bool(flag)
      case .int(let number): return .int(number)
      case .float(let number): return .float(number)
      case .string(let text): return .string(text)
      }
    case .sequence(let items):
      return .list(items.map(value(of:)))
    case .mapping(let pairs):
      return .map(ValueMap(pairs.map { (value(of: $0.key), value(of: $0.value)) }))
    }
  }
}
