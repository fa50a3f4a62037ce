import Testing

@testable import Jinja

/// Sequence filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Sequence filters")
struct FilterSequenceTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ nums | first }}|{{ nums | last }}|{{ 'abc' | first }}", "3|10|a"),
    FilterCase("{{ nums | length }}|{{ s | length }}|{{ d | count }}|{{ u | length }}", "5|11|3|9"),
    FilterCase("{{ d | list }}|{{ 'ab' | list }}", "['b', 'a', 'c']|['a', 'b']"),
    FilterCase("{{ nums | join }}|{{ nums | join(', ') }}", "312310|3, 1, 2, 3, 10"),
    FilterCase("{{ users | join(',', attribute='name') }}", "ann,Bob,cy"),
    FilterCase("{{ [1, none, 'x', 2.5, true] | join('|') }}", "1|None|x|2.5|True"),
    FilterCase("{{ nums | reverse | list }}|{{ 'abc' | reverse }}", "[10, 3, 2, 1, 3]|cba"),
    FilterCase("{{ words | sort }}", "['A', 'a', 'b', 'B', 'c']"),
    FilterCase("{{ words | sort(case_sensitive=true) }}", "['A', 'B', 'a', 'b', 'c']"),
    FilterCase("{{ nums | sort(reverse=true) }}", "[10, 3, 3, 2, 1]"),
    FilterCase(
      "{{ users | sort(attribute='age') | map(attribute='name') | list }}", "['Bob', 'ann', 'cy']"),
    FilterCase(
      "{{ users | sort(attribute='admin,name') | map(attribute='name') | list }}",
      "['Bob', 'ann', 'cy']"),
    FilterCase("{{ words | unique }}", "['b', 'A', 'c']"),
    FilterCase("{{ words | unique(case_sensitive=true) }}", "['b', 'A', 'c', 'a', 'B']"),
    FilterCase(
      "{{ users | unique(attribute='admin') | map(attribute='name') | list }}", "['ann', 'Bob']"),
    FilterCase("{{ words | min }}|{{ words | max }}|{{ nums | max }}", "A|c|10"),
    FilterCase("{{ words | max(case_sensitive=true) }}", "c"),
    FilterCase("{{ users | min(attribute='age') }}", "{'name': 'Bob', 'age': 25, 'admin': False}"),
    FilterCase(
      "{{ nums | sum }}|{{ [1.5, 2] | sum }}|{{ users | sum(attribute='age') }}", "19|3.5|96"),
    FilterCase("{{ [[1], [2, 3]] | sum(start=[]) }}", "[1, 2, 3]"),
    FilterCase("{{ nums | sum(start=100) }}", "119"),
    FilterCase("{{ nums | batch(2) | list }}", "[[3, 1], [2, 3], [10]]"),
    FilterCase("{{ nums | batch(2, 'x') | list }}", "[[3, 1], [2, 3], [10, 'x']]"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
