/// The built-in filters every environment has.
enum BuiltinFilters {
  /// Filters by name: Jinja2's builtins, Ansible's, and their `ansible.builtin.`/`ansible.utils.`
  /// full names.
  static let all: [String: Filter] = {
    var filters: [String: Filter] = [:]
    let families: [[String: Filter]] = [
      StringFilters.all, SequenceFilters.all, SelectionFilters.all, MappingFilters.all,
      NumberFilters.all, ControlFilters.all, EncodingFilters.all, SetFilters.all,
      PathFilters.all, RegexFilters.all, SerializationFilters.all,
    ]
    for family in families { filters.merge(family) { first, _ in first } }
    for (name, filter) in filters { filters["ansible.builtin." + name] = filter }
    return filters
  }()
}
