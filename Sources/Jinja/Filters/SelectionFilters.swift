/// Filters that apply a filter or test to each item: map, select, reject, selectattr, rejectattr.
enum SelectionFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "map": map, "select": select, "reject": reject, "selectattr": selectattr,
    "rejectattr": rejectattr,
  ]

  /// `map('filter', *args, **kwargs)` or `map(attribute='a.b', default=None)`.
  static func map(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws -> Value {
    let items = try ValueIteration.items(value, context)
    if arguments.positional.isEmpty, let attribute = arguments["attribute"] {
      let fallback = arguments["default"]
      try arguments.check(["attribute", "default"], "map", context)
      return .list(
        try items.map { item in
          let result = try ValueIteration.attribute(item, path: attribute)
          if case .undefined = result, let fallback { return fallback }
          return result
        })
    }
    guard case .string(let name)? = arguments.positional.first else {
      throw context.error("map() requires a filter name or attribute=", kind: .filter)
    }
    let rest = arguments.dropping(1)
    return .list(try items.map { try context.applyFilter(name, to: $0, rest) })
  }

  /// Keeps the items for which the test (or truthiness) gives `keep`.
  private static func filterItems(
    _ items: [Value], _ arguments: Arguments, _ context: CallContext, keep: Bool,
    project: (Value) throws -> Value
  ) throws -> [Value] {
    guard case .string(let test)? = arguments.positional.first else {
      return try items.filter { item in
        let projected = try project(item)
        try Builtins.requireDefined(projected, context)
        return projected.isTruthy == keep
      }
    }
    let rest = arguments.dropping(1)
    return try items.filter { try context.applyTest(test, to: try project($0), rest) == keep }
  }

  /// `select(test=None, *args)`.
  static func select(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    .list(
      try filterItems(
        try ValueIteration.items(value, context), arguments, context, keep: true
      ) { $0 })
  }

  /// `reject(test=None, *args)`.
  static func reject(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    .list(
      try filterItems(
        try ValueIteration.items(value, context), arguments, context, keep: false
      ) { $0 })
  }

  /// `selectattr(attribute, test=None, *args)`.
  static func selectattr(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try byAttribute(value, arguments, context, keep: true, name: "selectattr")
  }

  /// `rejectattr(attribute, test=None, *args)`.
  static func rejectattr(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try byAttribute(value, arguments, context, keep: false, name: "rejectattr")
  }

  private static func byAttribute(
    _ value: Value, _ arguments: Arguments, _ context: CallContext, keep: Bool, name: String
  ) throws -> Value {
    guard let attribute = arguments.positional.first else {
      throw context.error("\(name)() requires an attribute name", kind: .filter)
    }
    let items = try ValueIteration.items(value, context)
    return .list(
      try filterItems(items, arguments.dropping(1), context, keep: keep) {
        try ValueIteration.attribute($0, path: attribute)
      })
  }
}
