import Testing

@testable import Jinja

/// One template rendered with the shared variables, and the output Ansible gives for it.
struct FilterCase: Sendable, CustomTestStringConvertible {
  /// The template text.
  let template: String
  /// What Ansible renders.
  let expected: String

  init(_ template: String, _ expected: String) {
    self.template = template
    self.expected = expected
  }

  var testDescription: String { template }

  /// The variables every case sees (the same JSON was given to Ansible).
  static let variablesJSON =
    #"{"s": "Hello World", "words": ["b", "A", "c", "a", "B"], "nums": [3, 1, 2, 3, 10], "users": [{"name": "ann", "age": 31, "admin": true}, {"name": "Bob", "age": 25, "admin": false}, {"name": "cy", "age": 40, "admin": true}], "d": {"b": 2, "a": 1, "c": {"x": [1, 2]}}, "path": "/etc/kolla/nova/nova.conf", "none": null, "text": "line one\nline two\n\nline four", "u": "héllo ☃ 😀"}"#

  /// The shared variables as template values.
  static let variables: [String: Value] = {
    guard case .map(let map)? = try? JSONParser.parse(variablesJSON) else { return [:] }
    var variables: [String: Value] = [:]
    for (key, value) in map { variables[key.pythonString()] = value }
    return variables
  }()

  /// Renders the template with Ansible's options and the shared variables.
  func render() throws -> String {
    try Environment().compile(template, name: "case.j2").render(FilterCase.variables)
  }

  /// The located error rendering gives, or nil when it renders.
  func renderError() -> JinjaError? {
    do {
      _ = try render()
      return nil
    } catch let error as JinjaError {
      return error
    } catch {
      return JinjaError(.runtime, "\(error)")
    }
  }
}

/// Filters that must fail, with a message saying what was expected.
@Suite("Filter errors")
struct FilterCaseTests {
  static let failures: [(template: String, message: String)] = [
    ("{{ 'x' | default('y', 1) }}", "The 'boolean' argument must be of type 'bool', not 'int'."),
    ("{{ missing | mandatory }}", "Mandatory variable 'missing' not defined."),
    ("{{ missing | mandatory('set it') }}", "set it"),
    ("{{ missing | upper }}", "'missing' is undefined"),
    ("{{ 'x' | hash('nope') }}", "unsupported hash type nope"),
    ("{{ 1 | dict2items }}", "dict2items requires a dictionary, got int instead."),
    (
      "{{ {'a': 1} | combine({'b': 2}, bogus=1) }}",
      "'recursive' and 'list_merge' are the only valid keyword arguments"
    ),
    ("{{ '10.0.0.1' | ansible.utils.ipaddr('bogus') }}", "ipaddr: unknown filter type: bogus"),
    (
      "{{ {} | ansible.utils.ipaddr }}",
      "Unrecognized type <class 'dict'> for ipaddr filter <value>"
    ),
    ("{{ 'x' | put_address_in_context('ftp') }}", "Unknown context 'ftp'"),
    ("{{ '%d' | format('x') }}", "%d format: a real number is required, not str"),
    ("{{ '%s %s' | format('x') }}", "not enough arguments for format string"),
    ("{{ 'x' | regex_replace('(', 'y') }}", "invalid regular expression '('"),
    ("{{ [1, 'a'] | sort }}", "'<' not supported between instances of 'str' and 'int'"),
    ("{{ 'x' | center(1, 2) }}", "center() takes at most 1 argument(s) (2 given)"),
    ("{{ 'x' | trim(bogus=1) }}", "trim() got an unexpected keyword argument 'bogus'"),
    ("{{ '{' | from_json }}", "Expecting property name enclosed in double quotes: char 1"),
  ]

  @Test("fails with a message that says what was expected", arguments: failures)
  func failsWithMessage(_ failure: (template: String, message: String)) throws {
    let error = FilterCase(failure.template, "").renderError()
    #expect(error?.message == failure.message)
    #expect(error?.span?.line == 1)
  }

  @Test("every filter is also reachable under its ansible.builtin name")
  func builtinNames() {
    for name in BuiltinFilters.all.keys
    where !name.hasPrefix("ansible.") && !KollaFilters.all.keys.contains(name) {
      #expect(BuiltinFilters.all["ansible.builtin." + name] != nil, "\(name)")
    }
  }
}
