/// The built-in tests every environment has.
enum BuiltinTests {
  /// Tests by name.
  static let all: [String: Test] = [:]
}
