/// A node of PyYAML's representation graph, as `SafeRepresenter` builds it from a value.
indirect enum YAMLNode {
  /// A scalar: its text and whether it may be written plain (`plain_implicit`).
  case scalar(String, plainImplicit: Bool)
  /// A sequence, flow style or block style.
  case sequence([YAMLNode], flow: Bool)
  /// A mapping, flow style or block style.
  case mapping([(YAMLNode, YAMLNode)], flow: Bool)

  /// A value that `yaml.safe_dump` cannot represent.
  struct Failure: Error {
    /// What could not be represented.
    var message: String
  }

  /// Represents `value` as `SafeRepresenter` does (keys sorted when possible); `flowStyle` is
  /// `default_flow_style` (nil: collections of scalars only are written in flow style).
  static func represent(_ value: Value, flowStyle: Bool?) throws(Failure) -> YAMLNode {
    switch value {
    case .none: return .scalar("null", plainImplicit: true)
    case .bool(let flag): return .scalar(flag ? "true" : "false", plainImplicit: true)
    case .int(let number): return .scalar(String(number), plainImplicit: true)
    case .float(let number): return .scalar(floatText(number), plainImplicit: true)
    case .string(let text):
      return .scalar(text, plainImplicit: !YAMLResolver.resolvesToNonString(text))
    case .list(let items):
      let nodes = try items.map { (item) throws(Failure) in
        try represent(item, flowStyle: flowStyle)
      }
      return .sequence(nodes, flow: flowStyle ?? nodes.allSatisfy(\.isPlainScalar))
    case .map(let map):
      var pairs = Array(map)
      if let sorted = try? PythonJSON.sortedPairs(pairs) { pairs = sorted }
      var nodes: [(YAMLNode, YAMLNode)] = []
      for pair in pairs {
        nodes.append(
          (
            try represent(pair.key, flowStyle: flowStyle),
            try represent(pair.value, flowStyle: flowStyle)
          ))
      }
      let allScalars = nodes.allSatisfy { $0.0.isPlainScalar && $0.1.isPlainScalar }
      return .mapping(nodes, flow: flowStyle ?? allScalars)
    case .object, .callable, .undefined:
      throw Failure(message: "cannot represent an object: \(value.typeName)")
    }
  }

  /// Whether the node is a scalar without an explicit style (all scalars here).
  var isPlainScalar: Bool {
    if case .scalar = self { return true }
    return false
  }

  /// `SafeRepresenter.represent_float`.
  static func floatText(_ number: Double) -> String {
    if number.isNaN { return ".nan" }
    if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
    var text = Value.float(number).pythonRepr().lowercased()
    if !text.contains("."), let exponent = text.firstIndex(of: "e") {
      text.replaceSubrange(exponent...exponent, with: ".0e")
    }
    return text
  }
}
