import Testing

@testable import Jinja

/// Number filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Number filters")
struct FilterNumberTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ -3 | abs }}|{{ -2.5 | abs }}", "3|2.5"),
    FilterCase(
      "{{ '42' | int }}|{{ '0x1A' | int(base=16) }}|{{ '1A' | int(0, 16) }}|{{ '0b101' | int(base=2) }}",
      "42|26|26|5"),
    FilterCase(
      "{{ '3.9' | int }}|{{ 'x' | int }}|{{ 'x' | int(7) }}|{{ none | int }}|{{ true | int }}|{{ ' 1_000 ' | int }}",
      "3|0|7|0|1|1000"),
    FilterCase("{{ 3.99 | int }}|{{ -3.99 | int }}", "3|-3"),
    FilterCase(
      "{{ '3.5' | float }}|{{ 'x' | float }}|{{ 2 | float }}|{{ '1e3' | float }}|{{ 'x' | float(1.5) }}",
      "3.5|0.0|2.0|1000.0|1.5"),
    FilterCase(
      "{{ 2.5 | round }}|{{ 3.5 | round }}|{{ 0.125 | round(2) }}|{{ 2.675 | round(2) }}|{{ 5 | round }}",
      "2.0|4.0|0.12|2.67|5"),
    FilterCase(
      "{{ 2.1 | round(method='ceil') }}|{{ 2.9 | round(method='floor') }}|{{ 1234.5 | round(-2) }}",
      "3.0|2.0|1200.0"),
    FilterCase(
      "{{ 'yes' | bool }}|{{ 'On' | bool }}|{{ 'TRUE' | bool }}|{{ '1' | bool }}|{{ 1 | bool }}|{{ 'no' | bool }}|{{ 0 | bool }}|{{ 'off' | bool }}",
      "True|True|True|True|True|False|False|False"),
    FilterCase(
      "{{ true | bool }}|{{ 'false' | bool }}|{{ none | bool }}|{{ 2 | bool }}",
      "True|False|False|False"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
