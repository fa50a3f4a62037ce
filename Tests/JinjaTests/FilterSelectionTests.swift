import Testing

@testable import Jinja

/// Map, select and reject filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Map, select and reject filters")
struct FilterSelectionTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ users | map(attribute='name') | list }}", "['ann', 'Bob', 'cy']"),
    FilterCase("{{ users | map(attribute='missing', default='?') | list }}", "['?', '?', '?']"),
    FilterCase("{{ nums | map('string') | list }}", "['3', '1', '2', '3', '10']"),
    FilterCase("{{ words | map('upper') | list }}", "['B', 'A', 'C', 'A', 'B']"),
    FilterCase("{{ nums | map('int') | map('string') | join }}", "312310"),
    FilterCase("{{ ['a', 'b'] | map('replace', 'a', 'z') | list }}", "['z', 'b']"),
    FilterCase("{{ nums | select('odd') | list }}", "[3, 1, 3]"),
    FilterCase("{{ nums | reject('odd') | list }}", "[2, 10]"),
    FilterCase("{{ [0, 1, '', 'x', none] | select | list }}", "[1, 'x']"),
    FilterCase("{{ nums | select('gt', 2) | list }}", "[3, 3, 10]"),
    FilterCase("{{ nums | select('equalto', 3) | list }}", "[3, 3]"),
    FilterCase("{{ users | selectattr('admin') | map(attribute='name') | list }}", "['ann', 'cy']"),
    FilterCase("{{ users | rejectattr('admin') | map(attribute='name') | list }}", "['Bob']"),
    FilterCase(
      "{{ users | selectattr('age', 'ge', 31) | map(attribute='name') | list }}", "['ann', 'cy']"),
    FilterCase(
      "{{ users | selectattr('name', 'match', '[a-c]') | map(attribute='name') | list }}",
      "['ann', 'cy']"),
    FilterCase("{{ users | selectattr('nope', 'defined') | list }}", "[]"),
    FilterCase("{{ users | map(attribute='nope') | select('defined') | list }}", "[]"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
