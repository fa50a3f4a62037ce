/// Python iteration and item lookup over template values, for filters that walk collections.
enum ValueIteration {
  /// The items of `iter(value)`: list items, dict keys, string characters, object keys.
  static func items(_ value: Value, _ context: CallContext) throws -> [Value] {
    switch value {
    case .list(let items): return items
    case .map(let map): return map.keys
    case .string(let text): return text.unicodeScalars.map { .string(String($0)) }
    case .object(let object): return try object.keys().map(Value.string)
    case .undefined: try Builtins.requireDefined(value, context)
    default: break
    }
    throw context.error("'\(value.typeName)' object is not iterable", kind: .type)
  }

  /// `environment.getitem(value, key)`: dict key, list index, object key; undefined if missing.
  static func item(_ value: Value, _ key: Value, name: String) throws -> Value {
    switch (value, key) {
    case (.map(let map), _):
      return map[key] ?? .undefined("\(name)['\(key.pythonString())']")
    case (.list(let items), .int(let index)):
      let position = index < 0 ? items.count + index : index
      return position >= 0 && position < items.count ? items[position] : .undefined(name)
    case (.object(let object), .string(let text)):
      return try object.value(forKey: text) ?? .undefined("\(name).\(text)")
    default:
      return .undefined("\(name).\(key.pythonString())")
    }
  }

  /// Jinja's `make_attrgetter`: follows a dotted path (`a.b.0`), integer parts as indexes.
  static func attribute(_ value: Value, path: Value) throws -> Value {
    guard case .string(let text) = path else {
      return try item(value, path, name: value.pythonRepr())
    }
    if !text.utf8.contains(UInt8(ascii: ".")) {
      if case .undefined = value { return value }
      let found = try item(value, Int(text).map(Value.int) ?? .string(text), name: "item")
      if case .undefined = found { return .undefined("item.\(text)") }
      return found
    }
    var current = value
    var shown = "item"
    for part in text.split(separator: ".", omittingEmptySubsequences: false) {
      if case .undefined = current { return current }
      let key: Value = Int(part).map(Value.int) ?? .string(String(part))
      current = try item(current, key, name: shown)
      shown += ".\(part)"
      if case .undefined = current { return .undefined(shown) }
    }
    return current
  }
}
