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
    FilterCase("{{ [2.0] | union([-2, -1, 1.5]) }}", "[1.5, 2.0, -2, -1]"),
    FilterCase(
      "{{ [-1, true, true, 0, 1.5] | union([1.5, 1.5, true, 2.0, true]) }}",
      "[0, True, 1.5, 2.0, -1]"),
    FilterCase("{{ [1.5, 2.0, 2.0, true] | symmetric_difference([3, true]) }}", "[2.0, 3, 1.5]"),
    FilterCase(
      "{{ [5, 3, 100, 7, 1, 64, 9] | intersect([100, 1, 7, 9, 64]) }}", "[64, 1, 100, 7, 9]"),
    FilterCase(
      "{{ range(40) | list | difference([3, 17]) }}",
      "[0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]"
    ),
    FilterCase("{{ [1, [2]] | union([[2], 3]) }}", "[1, [2], 3]"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
