import Testing

@testable import Jinja

/// Type and presence tests, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Type and presence tests")
struct TestFunctionTypeTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ missing is defined }}|{{ missing is undefined }}|{{ s is defined }}|{{ missing.x is defined }}",
      "False|True|True|False"),
    FilterCase("{{ none is none }}|{{ 0 is none }}", "True|False"),
    FilterCase(
      "{{ true is boolean }}|{{ 1 is boolean }}|{{ true is true }}|{{ false is false }}|{{ 0 is false }}",
      "True|False|True|True|False"),
    FilterCase("{{ s is string }}|{{ 1 is string }}", "True|False"),
    FilterCase(
      "{{ 1 is number }}|{{ 1.5 is number }}|{{ true is number }}|{{ '1' is number }}",
      "True|True|True|False"),
    FilterCase(
      "{{ 1 is integer }}|{{ true is integer }}|{{ 1.0 is integer }}|{{ 1.0 is float }}",
      "True|False|False|True"),
    FilterCase("{{ d is mapping }}|{{ nums is mapping }}", "True|False"),
    FilterCase(
      "{{ nums is iterable }}|{{ s is iterable }}|{{ d is iterable }}|{{ 1 is iterable }}",
      "True|True|True|False"),
    FilterCase(
      "{{ nums is sequence }}|{{ s is sequence }}|{{ d is sequence }}|{{ 1 is sequence }}",
      "True|True|True|False"),
    FilterCase(
      "{{ none is sameas none }}|{{ true is sameas true }}|{{ 1 is sameas 1 }}|{{ [] is sameas [] }}",
      "True|True|True|False"),
    FilterCase("{{ range is callable }}|{{ s is callable }}", "True|False"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
