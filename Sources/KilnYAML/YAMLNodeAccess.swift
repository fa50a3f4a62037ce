import KilnDiagnostics

extension YAMLNode {
  /// The value for a scalar key whose text is `key`, if this is a mapping holding it.
  public subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = content else { return nil }
    for pair in pairs {
      if case .scalar(let scalar) = pair.key.content, scalar.text == key {
        return pair.value
      }
    }
    return nil
  }

  /// The scalar, if this node is one.
  public var scalar: YAMLScalar? {
    if case .scalar(let scalar) = content { return scalar }
    return nil
  }

  /// The string value, if this node is a scalar that resolved to a string.
  public var string: String? {
    if case .scalar(let scalar) = content, case .string(let text) = scalar.value { return text }
    return nil
  }

  /// The integer value, if this node is a scalar that resolved to an integer.
  public var int: Int? {
    if case .scalar(let scalar) = content, case .int(let value) = scalar.value { return value }
    return nil
  }

  /// The boolean value, if this node is a scalar that resolved to a boolean.
  public var bool: Bool? {
    if case .scalar(let scalar) = content, case .bool(let value) = scalar.value { return value }
    return nil
  }

  /// The floating-point value, if this node is a scalar that resolved to a float or an integer.
  public var double: Double? {
    guard case .scalar(let scalar) = content else { return nil }
    switch scalar.value {
    case .float(let value): return value
    case .int(let value): return Double(value)
    default: return nil
    }
  }

  /// Whether this node is a null scalar (`~`, `null`, or empty).
  public var isNull: Bool {
    if case .scalar(let scalar) = content, scalar.value == .null { return true }
    return false
  }

  /// The pairs, if this node is a mapping.
  public var mappingPairs: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// The items, if this node is a sequence.
  public var sequenceItems: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// A word for the node's kind in messages: `mapping`, `sequence`, `string`, `integer`,
  /// `float`, `boolean` or `null`.
  public var kindName: String {
    switch content {
    case .mapping: return "mapping"
    case .sequence: return "sequence"
    case .scalar(let scalar):
      switch scalar.value {
      case .null: return "null"
      case .bool: return "boolean"
      case .int: return "integer"
      case .float: return "float"
      case .string: return "string"
      }
    }
  }

  /// Whether two trees hold the same data, ignoring marks and scalar styles (the equality
  /// the writer keeps: `parse(write(node))` has the same value as `node`).
  public func hasSameValue(as other: YAMLNode) -> Bool {
    guard tag == other.tag else { return false }
    switch (content, other.content) {
    case (.scalar(let a), .scalar(let b)):
      return a.value.isSameValue(as: b.value)
    case (.sequence(let a), .sequence(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.hasSameValue(as: $1) }
    case (.mapping(let a), .mapping(let b)):
      return a.count == b.count
        && zip(a, b).allSatisfy {
          $0.key.hasSameValue(as: $1.key) && $0.value.hasSameValue(as: $1.value)
        }
    default:
      return false
    }
  }
}

extension ScalarValue {
  /// Value equality where NaN equals NaN (so documents holding `.nan` compare equal).
  public func isSameValue(as other: ScalarValue) -> Bool {
    if case .float(let a) = self, case .float(let b) = other, a.isNaN, b.isNaN { return true }
    return self == other
  }
}
