import Testing

@testable import Jinja

/// Mapping filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Mapping filters")
struct FilterMappingTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ {'a': 1} | combine({'b': 2}, {'a': 3}) }}", "{'a': 3, 'b': 2}"),
    FilterCase(
      "{{ {'a': {'x': 1, 'l': [1]}} | combine({'a': {'y': 2, 'l': [2]}}) }}",
      "{'a': {'y': 2, 'l': [2]}}"),
    FilterCase(
      "{{ {'a': {'x': 1, 'l': [1]}} | combine({'a': {'y': 2, 'l': [2]}}, recursive=true) }}",
      "{'a': {'x': 1, 'l': [2], 'y': 2}}"),
    FilterCase(
      "{{ {'l': [1, 2]} | combine({'l': [2, 3]}, list_merge='append') }}", "{'l': [1, 2, 2, 3]}"),
    FilterCase(
      "{{ {'l': [1, 2]} | combine({'l': [2, 3]}, list_merge='prepend') }}", "{'l': [2, 3, 1, 2]}"),
    FilterCase(
      "{{ {'l': [1, 2]} | combine({'l': [2, 3]}, list_merge='append_rp') }}", "{'l': [1, 2, 3]}"),
    FilterCase(
      "{{ {'l': [1, 2]} | combine({'l': [2, 3]}, list_merge='prepend_rp') }}", "{'l': [2, 3, 1]}"),
    FilterCase("{{ {'l': [1, 2]} | combine({'l': [2, 3]}, list_merge='keep') }}", "{'l': [1, 2]}"),
    FilterCase("{{ [{'a': 1}, {'b': 2}] | combine }}", "{'a': 1, 'b': 2}"),
    FilterCase(
      "{{ d | dict2items }}",
      "[{'key': 'b', 'value': 2}, {'key': 'a', 'value': 1}, {'key': 'c', 'value': {'x': [1, 2]}}]"),
    FilterCase(
      "{{ d | dict2items(key_name='k', value_name='v') }}",
      "[{'k': 'b', 'v': 2}, {'k': 'a', 'v': 1}, {'k': 'c', 'v': {'x': [1, 2]}}]"),
    FilterCase(
      "{{ [{'key': 'x', 'value': 1}, {'key': 'y', 'value': 2}] | items2dict }}", "{'x': 1, 'y': 2}"),
    FilterCase("{{ [{'n': 'x', 'v': 1}] | items2dict(key_name='n', value_name='v') }}", "{'x': 1}"),
    FilterCase("{{ d | dictsort }}", "[['a', 1], ['b', 2], ['c', {'x': [1, 2]}]]"),
    FilterCase(
      "{{ {'b': 1, 'A': 3, 'c': 2} | dictsort(by='value', reverse=true) }}",
      "[['A', 3], ['c', 2], ['b', 1]]"),
    FilterCase("{{ d | items | list }}", "[['b', 2], ['a', 1], ['c', {'x': [1, 2]}]]"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
