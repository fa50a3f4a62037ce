import Testing

@testable import Jinja

/// List methods, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("List methods")
struct MethodListTests {
  static let cases: [FilterCase] = [
    FilterCase("{% set l = [1, 2] %}{{ l.append(3) }}{{ l }}", "[1, 2, 3]"),
    FilterCase("{% set l = [1, 2] %}{% set _ = l.extend([3, 4]) %}{{ l }}", "[1, 2, 3, 4]"),
    FilterCase("{% set l = [1, 3] %}{% set _ = l.insert(1, 2) %}{{ l }}", "[1, 2, 3]"),
    FilterCase("{% set l = [1, 2, 3] %}{{ l.pop() }}|{{ l.pop(0) }}|{{ l }}", "3|1|[2]"),
    FilterCase("{% set l = [1, 2, 1] %}{% set _ = l.remove(1) %}{{ l }}", "[2, 1]"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
