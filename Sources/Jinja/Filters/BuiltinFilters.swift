/// The built-in filters every environment has.
enum BuiltinFilters {
  /// Filters by name.
  static let all: [String: Filter] = [:]
}
