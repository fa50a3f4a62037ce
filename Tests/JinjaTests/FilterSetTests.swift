import Testing

@testable import Jinja

/// Flatten, zip and set filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Flatten, zip and set filters")
struct FilterSetTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ [1, [2, [3, [4]]], none, 'None', 'null'] | flatten }}", "[1, 2, 3, 4]"),
    FilterCase("{{ [1, [2, [3, [4]]]] | flatten(1) }}", "[1, 2, [3, [4]]]"),
    FilterCase("{{ [1, none] | flatten(skip_nulls=false) }}", "[1, None]"),
    FilterCase("{{ [1, 2, 3] | zip(['a', 'b']) | list }}", "[[1, 'a'], [2, 'b']]"),
    FilterCase(
      "{{ [1, 2] | zip(['a', 'b'], [true, false]) | list }}", "[[1, 'a', True], [2, 'b', False]]"),
    FilterCase(
      "{{ [1, 2, 3] | zip_longest(['a'], fillvalue='-') | list }}", "[[1, 'a'], [2, '-'], [3, '-']]"
    ),
    FilterCase("{{ [1, 2, 2, 3] | union([3, 4]) }}", "[1, 2, 3, 4]"),
    FilterCase("{{ [1, 2, 2, 3] | intersect([3, 2, 9]) }}", "[2, 3]"),
    FilterCase("{{ [1, 2, 2, 3] | difference([2]) }}", "[1, 3]"),
    FilterCase("{{ [1, 2, 3] | symmetric_difference([2, 3, 4]) }}", "[1, 4]"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
