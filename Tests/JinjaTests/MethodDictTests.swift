import Testing

@testable import Jinja

/// Dict methods, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Dict methods")
struct MethodDictTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ d.items() }}|{{ d.keys() }}|{{ d.values() }}",
      "[['b', 2], ['a', 1], ['c', {'x': [1, 2]}]]|['b', 'a', 'c']|[2, 1, {'x': [1, 2]}]"),
    FilterCase("{{ d.get('a') }}|{{ d.get('z') }}|{{ d.get('z', 5) }}", "1||5"),
    FilterCase("{% set m = {'a': 1} %}{% set _ = m.update({'b': 2}) %}{{ m }}", "{'a': 1, 'b': 2}"),
    FilterCase("{% set m = {'a': 1} %}{% set _ = m.update(c=3) %}{{ m }}", "{'a': 1, 'c': 3}"),
    FilterCase(
      "{% set m = {'a': 1, 'b': 2} %}{{ m.pop('a') }}|{{ m.pop('z', 0) }}|{{ m }}", "1|0|{'b': 2}"),
    FilterCase(
      "{% set m = {'a': 1} %}{{ m.setdefault('a', 5) }}|{{ m.setdefault('b', 6) }}|{{ m }}",
      "1|6|{'a': 1, 'b': 6}"),
    FilterCase(
      "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}", "b=2;a=1;c={'x': [1, 2]};"),
    FilterCase("{{ d.copy() }}", "{'b': 2, 'a': 1, 'c': {'x': [1, 2]}}"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
