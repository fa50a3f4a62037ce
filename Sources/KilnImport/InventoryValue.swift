import KilnDiagnostics
import KilnYAML

/// A variable's value as Ansible reads it from an inventory or a variables file: the types
/// Python's `ast.literal_eval` and YAML produce, in their source order.
public indirect enum InventoryValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case list([InventoryValue])
  case map([(key: String, value: InventoryValue)])

  public static func == (lhs: InventoryValue, rhs: InventoryValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.int(let a), .int(let b)): a == b
    case (.float(let a), .float(let b)): a == b || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): a == b
    case (.list(let a), .list(let b)): a == b
    case (.map(let a), .map(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let value): hasher.combine(value)
    case .int(let value): hasher.combine(value)
    case .float(let value): hasher.combine(value)
    case .string(let value): hasher.combine(value)
    case .list(let items): hasher.combine(items)
    case .map(let pairs):
      for pair in pairs {
        hasher.combine(pair.key)
        hasher.combine(pair.value)
      }
    }
  }

  /// Every string inside the value, depth first (for scanning Jinja expressions).
  public var strings: [String] {
    switch self {
    case .string(let text): [text]
    case .list(let items): items.flatMap(\.strings)
    case .map(let pairs): pairs.flatMap(\.value.strings)
    default: []
    }
  }

  /// The value as a YAML node that Kiln reads back as the same value.
  public func yamlNode(at location: SourceLocation) -> YAMLNode {
    switch self {
    case .null:
      return YAMLNode(
        .scalar(YAMLScalar(text: "null", style: .plain, value: .null)), location: location)
    case .bool(let value):
      return YAMLNode(
        .scalar(YAMLScalar(text: value ? "true" : "false", style: .plain, value: .bool(value))),
        location: location)
    case .int(let value):
      return YAMLNode(
        .scalar(YAMLScalar(text: String(value), style: .plain, value: .int(value))),
        location: location)
    case .float(let value):
      return YAMLNode(
        .scalar(YAMLScalar(text: Self.yamlFloat(value), style: .plain, value: .float(value))),
        location: location)
    case .string(let text):
      return YAMLNode(.scalar(YAMLScalar(string: text)), location: location)
    case .list(let items):
      return YAMLNode(.sequence(items.map { $0.yamlNode(at: location) }), location: location)
    case .map(let pairs):
      return YAMLNode(
        .mapping(
          pairs.map {
            YAMLPair(
              key: YAMLNode(.scalar(YAMLScalar(string: $0.key)), location: location),
              value: $0.value.yamlNode(at: location))
          }), location: location)
    }
  }

  /// A YAML 1.2 float literal for `value` (`.inf`, `.nan`, and a point or exponent always).
  static func yamlFloat(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    let text = "\(value)"
    return text.contains(".") || text.contains("e") ? text : text + ".0"
  }

  /// The value Ansible reads from a YAML node: YAML 1.1 booleans (`yes`, `on`, …) and octal
  /// integers (`0755`) as PyYAML resolves them, everything else as YAML 1.2 reads it.
  public init(yaml node: YAMLNode) {
    switch node.content {
    case .scalar(let scalar):
      if scalar.style == .plain, let converted = YAML11Scalar.value(of: scalar.text) {
        self = converted
        return
      }
      switch scalar.value {
      case .null: self = .null
      case .bool(let value): self = .bool(value)
      case .int(let value): self = .int(value)
      case .float(let value): self = .float(value)
      case .string(let value): self = .string(value)
      }
    case .sequence(let items):
      self = .list(items.map(InventoryValue.init(yaml:)))
    case .mapping(let pairs):
      self = .map(
        pairs.map {
          (key: $0.key.string ?? Self.keyText($0.key), value: InventoryValue(yaml: $0.value))
        })
    }
  }

  private static func keyText(_ node: YAMLNode) -> String {
    if case .scalar(let scalar) = node.content { return scalar.text }
    return YAMLWriter.write(node).trimmingSuffixNewlines()
  }
}

/// PyYAML's (YAML 1.1) readings of plain scalars where they differ from YAML 1.2's.
enum YAML11Scalar {
  static let trueWords: Set<String> = ["yes", "Yes", "YES", "on", "On", "ON"]
  static let falseWords: Set<String> = ["no", "No", "NO", "off", "Off", "OFF"]

  /// The YAML 1.1 value of `text` when it differs from the YAML 1.2 one, else nil.
  static func value(of text: String) -> InventoryValue? {
    if trueWords.contains(text) { return .bool(true) }
    if falseWords.contains(text) { return .bool(false) }
    return octal(text).map(InventoryValue.int)
  }

  /// `0755` (a leading zero, octal digits, optional sign and `_`) as YAML 1.1 reads it.
  static func octal(_ text: String) -> Int? {
    var body = Substring(text)
    var negative = false
    if let sign = body.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      body = body.dropFirst()
    }
    guard body.count > 1, body.first == "0",
      body.dropFirst().allSatisfy({ ("0"..."7").contains($0) || $0 == "_" }),
      let value = Int(body.dropFirst().filter { $0 != "_" }, radix: 8)
    else { return nil }
    return negative ? -value : value
  }
}

extension String {
  func trimmingSuffixNewlines() -> String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
