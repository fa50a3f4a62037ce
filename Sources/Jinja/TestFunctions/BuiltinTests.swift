/// The built-in tests every environment has.
enum BuiltinTests {
  /// Tests by name: Jinja2's builtins, Ansible's, and their `ansible.builtin.` full names; only
  /// `defined` and `undefined` accept an undefined value, as in Ansible.
  static let all: [String: Test] = {
    var tests: [String: Test] = [:]
    for family in [TypeTests.all, ComparisonTests.all, StringTests.all, CollectionTests.all] {
      tests.merge(family) { first, _ in first }
    }
    for (name, test) in tests where name != "defined" && name != "undefined" {
      tests[name] = { value, arguments, context in
        try Builtins.requireDefined(value, context)
        return try test(value, arguments, context)
      }
    }
    for (name, test) in tests { tests["ansible.builtin." + name] = test }
    return tests
  }()
}
