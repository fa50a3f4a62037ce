/// The built-in filters every environment has.
enum BuiltinFilters {
  /// Filters by name: Jinja2's builtins, Ansible's, and their `ansible.builtin.`/`ansible.utils.`
  /// full names.
  static let all: [String: Filter] = {
    var filters: [String: Filter] = [:]
    let families: [[String: Filter]] = [
      StringFilters.all, SequenceFilters.all, SelectionFilters.all, MappingFilters.all,
      NumberFilters.all, ControlFilters.all, EncodingFilters.all, SetFilters.all,
      PathFilters.all, RegexFilters.all, SerializationFilters.all, NetworkFilters.all,
      KollaFilters.all,
    ]
    for family in families { filters.merge(family) { first, _ in first } }
    for (name, filter) in filters where !acceptsUndefined.contains(name) {
      let lazy = acceptsUndefinedItems.contains(name)
      filters[name] = { value, arguments, context in
        try Builtins.requireDefined(value, context)
        if !lazy, case .list(let items) = value {
          for item in items { try Builtins.requireDefined(item, context) }
        }
        return try filter(value, arguments, context)
      }
    }
    for (name, filter) in filters { filters["ansible.builtin." + name] = filter }
    return filters
  }()

  /// The filters Ansible lets an undefined value reach; every other filter rejects one.
  static let acceptsUndefined: Set<String> = ["default", "d", "mandatory"]

  /// The filters that take lists holding undefined items (as Jinja's lazy generators let
  /// `map`, `select` and friends do); every other filter rejects such a list.
  static let acceptsUndefinedItems: Set<String> = [
    "map", "select", "reject", "selectattr", "rejectattr", "first",
  ]
}
