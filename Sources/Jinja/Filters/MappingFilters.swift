/// Mapping filters: combine, dict2items, items2dict, dictsort, items.
enum MappingFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "combine": combine, "dict2items": dict2items, "items2dict": items2dict,
    "dictsort": dictsort, "items": items,
  ]

  /// `combine(*dicts, recursive=False, list_merge='replace')`: later dicts win.
  static func combine(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    for entry in arguments.named where entry.name != "recursive" && entry.name != "list_merge" {
      throw context.error(
        "'recursive' and 'list_merge' are the only valid keyword arguments", kind: .filter)
    }
    let recursive = arguments["recursive"]?.isTruthy ?? false
    let listMerge = try Builtins.text(arguments["list_merge"] ?? .string("replace"), context)
    let modes = ["replace", "keep", "append", "prepend", "append_rp", "prepend_rp"]
    guard modes.contains(listMerge) else {
      throw context.error(
        "merge_hash: 'list_merge' argument can only be equal to 'replace', 'keep', 'append', "
          + "'prepend', 'append_rp' or 'prepend_rp'", kind: .filter)
    }
    var dictionaries: [ValueMap] = []
    for term in [value] + arguments.positional {
      for element in termElements(term) {
        guard case .map(let map) = element else {
          try Builtins.requireDefined(element, context)
          throw context.error(
            "failed to combine variables, expected dicts but got a '\(element.typeName)'",
            kind: .filter)
        }
        dictionaries.append(map)
      }
    }
    guard var result = dictionaries.first else { return .map(ValueMap()) }
    for next in dictionaries.dropFirst() {
      result = merge(result, next, recursive: recursive, listMerge: listMerge)
    }
    return .map(result)
  }

  private static func termElements(_ term: Value) -> [Value] {
    if case .list(let items) = term { return items }
    return [term]
  }

  /// Ansible's `merge_hash(x, y)`: `y`'s keys win; nested dicts merged when recursive.
  static func merge(_ x: ValueMap, _ y: ValueMap, recursive: Bool, listMerge: String) -> ValueMap {
    if x.isEmpty || ValueComparison.equal(.map(x), .map(y)) { return y }
    var result = x
    for (key, yValue) in y {
      guard let xValue = result[key] else {
        result[key] = yValue
        continue
      }
      switch (xValue, yValue) {
      case (.map(let xMap), .map(let yMap)):
        result[key] =
          recursive ? .map(merge(xMap, yMap, recursive: true, listMerge: listMerge)) : yValue
      case (.list(let xList), .list(let yList)):
        result[key] = .list(mergeLists(xList, yList, mode: listMerge))
      default:
        result[key] = yValue
      }
    }
    return result
  }

  private static func mergeLists(_ x: [Value], _ y: [Value], mode: String) -> [Value] {
    switch mode {
    case "keep": return x
    case "append": return x + y
    case "prepend": return y + x
    case "append_rp": return x.filter { !ValueComparison.contains(y, $0) } + y
    case "prepend_rp": return y + x.filter { !ValueComparison.contains(y, $0) }
    default: return y
    }
  }

  /// `dict2items(key_name='key', value_name='value')`.
  static func dict2items(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["key_name", "value_name"], "dict2items", context)
    let keyName = arguments.value(0, "key_name", default: .string("key"))
    let valueName = arguments.value(1, "value_name", default: .string("value"))
    guard case .map(let map) = try mapping(value, context) else {
      throw context.error(
        "dict2items requires a dictionary, got \(value.typeName) instead.", kind: .filter)
    }
    return .list(map.map { .map(ValueMap([(keyName, $0.key), (valueName, $0.value)])) })
  }

  /// A dict or a dynamic object as a dict; other values unchanged.
  static func mapping(_ value: Value, _ context: CallContext) throws -> Value {
    guard case .object(let object) = value else { return value }
    var map = ValueMap()
    for key in try object.keys() { map[key] = try object.value(forKey: key) ?? Value.none }
    return .map(map)
  }

  /// `items2dict(key_name='key', value_name='value')`.
  static func items2dict(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["key_name", "value_name"], "items2dict", context)
    let keyName = arguments.value(0, "key_name", default: .string("key"))
    let valueName = arguments.value(1, "value_name", default: .string("value"))
    guard case .list(let items) = value else {
      throw context.error(
        "items2dict requires a list, got \(value.typeName) instead.", kind: .filter)
    }
    var result = ValueMap()
    for item in items {
      guard case .map(let entry) = item else {
        throw context.error("items2dict requires a list of dictionaries", kind: .filter)
      }
      guard let key = entry[keyName], let element = entry[valueName] else {
        throw context.error(
          "items2dict requires each dictionary in the list to contain the keys "
            + "'\(keyName.pythonString())' and '\(valueName.pythonString())'", kind: .filter)
      }
      result[key] = element
    }
    return .map(result)
  }

  /// `dictsort(case_sensitive=False, by='key', reverse=False)`: sorted `[key, value]` pairs.
  static func dictsort(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["case_sensitive", "by", "reverse"], "dictsort", context)
    guard case .map(let map) = try mapping(value, context) else {
      throw context.error("dictsort requires a mapping, got \(value.typeName)", kind: .filter)
    }
    let by = try Builtins.text(arguments.value(1, "by", default: .string("key")), context)
    guard by == "key" || by == "value" else {
      throw context.error("You can only sort by either \"key\" or \"value\"", kind: .filter)
    }
    let caseSensitive = arguments.flag(0, "case_sensitive", default: false)
    let pairs = map.map { Value.list([$0.key, $0.value]) }
    let sorted = try ValueComparison.sorted(
      pairs, reverse: arguments.flag(2, "reverse", default: false), context
    ) { pair in
      guard case .list(let parts) = pair else { return pair }
      return ValueComparison.caseFolded(parts[by == "key" ? 0 : 1], caseSensitive: caseSensitive)
    }
    return .list(sorted)
  }

  /// `items`: `[key, value]` pairs of a mapping (Jinja 3.1).
  static func items(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "items", context)
    if case .undefined = value { return .list([]) }
    guard case .map(let map) = try mapping(value, context) else {
      throw context.error("Can only get item pairs from a mapping.", kind: .filter)
    }
    return .list(map.map { .list([$0.key, $0.value]) })
  }
}
