/// Sequence filters: first/last, length, list, join, reverse, sort, unique, min/max, sum.
enum SequenceFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "first": first, "last": last, "length": length, "count": length, "list": list, "join": join,
    "reverse": reverse, "sort": sort, "unique": unique, "min": min, "max": max, "sum": sum,
    "batch": batch,
  ]

  /// `first`: the first item; undefined when empty.
  static func first(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "first", context)
    return try ValueIteration.items(value, context).first
      ?? .undefined("No first item, sequence was empty.")
  }

  /// `last`: the last item; undefined when empty.
  static func last(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "last", context)
    return try ValueIteration.items(value, context).last
      ?? .undefined("No last item, sequence was empty.")
  }

  /// `length`/`count`: `len(value)` (characters of a string, entries of a mapping).
  static func length(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "length", context)
    switch value {
    case .string(let text): return .int(text.unicodeScalars.count)
    case .list(let items): return .int(items.count)
    case .map(let map): return .int(map.count)
    case .object(let object): return .int(try object.keys().count)
    default:
      try Builtins.requireDefined(value, context)
      throw context.error("object of type '\(value.typeName)' has no len()", kind: .type)
    }
  }

  /// `list`: `list(value)`.
  static func list(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "list", context)
    return .list(try ValueIteration.items(value, context))
  }

  /// `join(d='', attribute=None)`: items converted with `str()` and joined.
  static func join(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["d", "attribute"], "join", context)
    let separator = try Builtins.text(arguments.value(0, "d", default: .string("")), context)
    var items = try ValueIteration.items(value, context)
    if let attribute = arguments.argument(1, "attribute") {
      items = try items.map { try ValueIteration.attribute($0, path: attribute) }
    }
    return .string(try items.map { try Builtins.text($0, context) }.joined(separator: separator))
  }

  /// `reverse`: a reversed string or list.
  static func reverse(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check([], "reverse", context)
    if case .string(let text) = value {
      return .string(String(String.UnicodeScalarView(text.unicodeScalars.reversed())))
    }
    return .list(try ValueIteration.items(value, context).reversed())
  }

  /// The sort key of Jinja's `make_multi_attrgetter`/`ignore_case` for `attribute`.
  static func sortKey(_ attribute: Value?, caseSensitive: Bool) -> (Value) throws -> Value {
    guard let attribute else {
      return { ValueComparison.caseFolded($0, caseSensitive: caseSensitive) }
    }
    let paths: [Value]
    if case .string(let text) = attribute, text.contains(",") {
      paths = text.split(separator: ",").map { .string(String($0)) }
    } else {
      paths = [attribute]
    }
    return { item in
      let keys = try paths.map {
        ValueComparison.caseFolded(
          try ValueIteration.attribute(item, path: $0), caseSensitive: caseSensitive)
      }
      return keys.count == 1 ? keys[0] : .list(keys)
    }
  }

  /// `sort(reverse=False, case_sensitive=False, attribute=None)`.
  static func sort(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["reverse", "case_sensitive", "attribute"], "sort", context)
    let key = sortKey(
      arguments.argument(2, "attribute"),
      caseSensitive: arguments.flag(1, "case_sensitive", default: false))
    return .list(
      try ValueComparison.sorted(
        try ValueIteration.items(value, context),
        reverse: arguments.flag(0, "reverse", default: false), context, key: key))
  }

  /// `unique(case_sensitive=False, attribute=None)`: first occurrences, in order.
  static func unique(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["case_sensitive", "attribute"], "unique", context)
    let key = sortKey(
      arguments.argument(1, "attribute"),
      caseSensitive: arguments.flag(0, "case_sensitive", default: false))
    var seen = ValueMap()
    var result: [Value] = []
    for item in try ValueIteration.items(value, context) {
      let itemKey = try key(item)
      try Builtins.requireDefined(itemKey, context)
      if seen[itemKey] == nil {
        seen[itemKey] = Value.bool(true)
        result.append(item)
      }
    }
    return .list(result)
  }

  /// `min(case_sensitive=False, attribute=None)`.
  static func min(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try extreme(value, arguments, context, name: "min", wantLarger: false)
  }

  /// `max(case_sensitive=False, attribute=None)`.
  static func max(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try extreme(value, arguments, context, name: "max", wantLarger: true)
  }

  private static func extreme(
    _ value: Value, _ arguments: Arguments, _ context: CallContext, name: String,
    wantLarger: Bool
  ) throws -> Value {
    try arguments.check(["case_sensitive", "attribute"], name, context)
    let key = sortKey(
      arguments.argument(1, "attribute"),
      caseSensitive: arguments.flag(0, "case_sensitive", default: false))
    var best: (item: Value, key: Value)?
    for item in try ValueIteration.items(value, context) {
      let itemKey = try key(item)
      guard let current = best else {
        best = (item, itemKey)
        continue
      }
      let order = try ValueComparison.compare(itemKey, current.key, context)
      if wantLarger ? order > 0 : order < 0 { best = (item, itemKey) }
    }
    return best?.item ?? .undefined("No aggregated item, sequence was empty.")
  }

  /// `sum(attribute=None, start=0)`.
  static func sum(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    try arguments.check(["attribute", "start"], "sum", context)
    var items = try ValueIteration.items(value, context)
    if let attribute = arguments.argument(0, "attribute") {
      items = try items.map { try ValueIteration.attribute($0, path: attribute) }
    }
    var total = arguments.value(1, "start", default: .int(0))
    for item in items { total = try add(total, item, context) }
    return total
  }

  /// Python `a + b` for numbers and lists (what `sum` needs).
  static func add(_ a: Value, _ b: Value, _ context: CallContext) throws -> Value {
    switch (a, b) {
    case (.list(let x), .list(let y)): return .list(x + y)
    case (.float, _), (_, .float):
      if let x = a.doubleValue, let y = b.doubleValue { return .float(x + y) }
    default:
      if let x = a.intValue, let y = b.intValue {
        let (result, overflow) = x.addingReportingOverflow(y)
        if !overflow { return .int(result) }
        return .float(Double(x) + Double(y))
      }
    }
    try Builtins.requireDefined(b, context)
    throw context.error(
      "unsupported operand type(s) for +: '\(a.typeName)' and '\(b.typeName)'", kind: .type)
  }

  /// `batch(linecount, fill_with=None)`: lists of `linecount` items, the last one filled.
  static func batch(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["linecount", "fill_with"], "batch", context)
    let size = try arguments.int(0, "linecount", default: nil, context)
    guard size > 0 else { throw context.error("batch size must be positive", kind: .filter) }
    let items = try ValueIteration.items(value, context)
    var batches: [Value] = []
    for start in stride(from: 0, to: items.count, by: size) {
      var chunk = Array(items[start..<Swift.min(start + size, items.count)])
      if let fill = arguments.argument(1, "fill_with"), !fill.isNone, chunk.count < size {
        chunk += Array(repeating: fill, count: size - chunk.count)
      }
      batches.append(.list(chunk))
    }
    return .list(batches)
  }
}
