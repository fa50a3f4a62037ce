/// Globals every environment has: `range`, `dict`, `namespace`.
enum BuiltinGlobals {
  /// Globals by name.
  static let all: [String: Value] = [:]
}
