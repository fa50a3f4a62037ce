import Testing

@testable import Jinja

/// Default, mandatory and ternary filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Default, mandatory and ternary filters")
struct FilterControlTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ missing | default('x') }}|{{ none | default('x') }}|{{ '' | default('x') }}|{{ '' | default('x', true) }}|{{ 0 | d(5, true) }}",
      "x|||x|5"),
    FilterCase("{{ missing.deeper | default('y') }}", "y"),
    FilterCase("{{ 'v' | mandatory }}", "v"),
    FilterCase(
      "{{ true | ternary('a', 'b') }}|{{ 0 | ternary('a', 'b') }}|{{ none | ternary('a', 'b', 'n') }}",
      "a|b|n"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
