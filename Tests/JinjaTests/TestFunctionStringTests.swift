import Testing

@testable import Jinja

/// String, regex, truthiness and version tests, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("String, regex, truthiness and version tests")
struct TestFunctionStringTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ 'abc' is lower }}|{{ 'aBc' is lower }}|{{ 'ABC' is upper }}|{{ '123' is upper }}",
      "True|False|True|False"),
    FilterCase("{{ 'hello' is match('h.l') }}|{{ 'hello' is match('l+o') }}", "True|False"),
    FilterCase(
      "{{ 'hello' is search('l+o') }}|{{ 'HELLO' is search('l+o', ignorecase=true) }}", "True|True"),
    FilterCase(
      "{{ 'ab\\ncd' is search('^cd', multiline=true) }}|{{ 'ab\\ncd' is search('^cd') }}",
      "True|False"),
    FilterCase(
      "{{ 'hello' is regex('ell') }}|{{ 'hello' is regex('ell', match_type='match') }}|{{ 'hello' is regex('hel+o', match_type='fullmatch') }}",
      "True|False|True"),
    FilterCase(
      "{{ 1 is truthy }}|{{ '' is truthy }}|{{ 'no' is truthy }}|{{ 'no' is truthy(convert_bool=true) }}|{{ [] is falsy }}|{{ 'yes' is falsy(convert_bool=true) }}",
      "True|False|True|False|True|False"),
    FilterCase(
      "{{ '2.10' is version('2.9', '>') }}|{{ '1.0' is version('1.0', 'eq') }}|{{ '1.2.3' is version('1.10', 'lt') }}|{{ '1.0rc1' is version('1.0', '>=') }}",
      "True|True|True|True"),
    FilterCase("{{ [1, 0] is any }}|{{ [1, 0] is all }}|{{ [] is all }}", "True|False|True"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
