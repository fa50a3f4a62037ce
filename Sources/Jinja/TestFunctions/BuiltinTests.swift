/// The built-in tests every environment has.
enum BuiltinTests {
  /// Tests by name: Jinja2's builtins, Ansible's, and their `ansible.builtin.` full names.
  static let all: [String: Test] = {
    var tests: [String: Test] = [:]
    for family in [TypeTests.all, ComparisonTests.all, StringTests.all] {
      tests.merge(family) { first, _ in first }
    }
    for (name, test) in tests { tests["ansible.builtin." + name] = test }
    return tests
  }()
}
