import Testing

@testable import Jinja

/// Comparison tests, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Comparison tests")
struct TestFunctionComparisonTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ 1 is eq 1.0 }}|{{ nums | select('==', 3) | list }}|{{ 'a' is equalto 'a' }}|{{ 1 is ne 2 }}|{{ nums | select('!=', 3) | list }}",
      "True|[3, 3]|True|True|[1, 2, 10]"),
    FilterCase(
      "{{ 1 is lt 2 }}|{{ 2 is le 2 }}|{{ 3 is gt 2 }}|{{ 2 is ge 3 }}|{{ 'a' is lessthan 'b' }}|{{ 3 is greaterthan 2 }}|{{ nums | select('<', 3) | list }}|{{ nums | select('>=', 3) | list }}",
      "True|True|True|False|True|True|[1, 2]|[3, 3, 10]"),
    FilterCase(
      "{{ 2 is in nums }}|{{ 'ell' is in s }}|{{ 'a' is in d }}|{{ 9 is in nums }}",
      "True|True|True|False"),
    FilterCase("{{ 9 is divisibleby 3 }}|{{ 10 is divisibleby 3 }}", "True|False"),
    FilterCase(
      "{{ 4 is even }}|{{ 3 is even }}|{{ 3 is odd }}|{{ -3 is odd }}", "True|False|True|True"),
    FilterCase("{{ nums | select('divisibleby', 3) | list }}", "[3, 3]"),
    FilterCase(
      "{{ nums is contains 3 }}|{{ [1] is subset(nums) }}|{{ nums is superset([1, 2]) }}|{{ '/etc' is abs }}|{{ 'etc' is abs }}",
      "True|True|True|True|False"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
