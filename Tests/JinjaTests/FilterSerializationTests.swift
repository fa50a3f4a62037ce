import Testing

@testable import Jinja

/// JSON and YAML filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("JSON and YAML filters")
struct FilterSerializationTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ d | to_json }}", "{\"b\": 2, \"a\": 1, \"c\": {\"x\": [1, 2]}}"),
    FilterCase(
      "{{ d | to_nice_json }}",
      "{\n    \"a\": 1,\n    \"b\": 2,\n    \"c\": {\n        \"x\": [\n            1,\n            2\n        ]\n    }\n}"
    ),
    FilterCase(
      "{{ d | to_nice_json(indent=2) }}",
      "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": {\n    \"x\": [\n      1,\n      2\n    ]\n  }\n}"),
    FilterCase("{{ u | to_json }}", "\"h\\u00e9llo \\u2603 \\ud83d\\ude00\""),
    FilterCase("{{ [1.0, 1e17, none, true, -0.5] | to_json }}", "[1.0, 1e+17, null, true, -0.5]"),
    FilterCase("{{ {'t': 'a\\tb\"c\\\\'} | to_json }}", "{\"t\": \"a\\tb\\\"c\\\\\"}"),
    FilterCase("{{ d | to_json(sort_keys=true) }}", "{\"a\": 1, \"b\": 2, \"c\": {\"x\": [1, 2]}}"),
    FilterCase("{{ d | to_yaml }}", "a: 1\nb: 2\nc:\n  x: [1, 2]\n"),
    FilterCase("{{ d | to_nice_yaml }}", "a: 1\nb: 2\nc:\n    x:\n    - 1\n    - 2\n"),
    FilterCase(
      "{{ users | to_yaml }}",
      "- {admin: true, age: 31, name: ann}\n- {admin: false, age: 25, name: Bob}\n- {admin: true, age: 40, name: cy}\n"
    ),
    FilterCase(
      "{{ users | to_nice_yaml }}",
      "-   admin: true\n    age: 31\n    name: ann\n-   admin: false\n    age: 25\n    name: Bob\n-   admin: true\n    age: 40\n    name: cy\n"
    ),
    FilterCase(
      "{{ users | to_nice_yaml(indent=2) }}",
      "- admin: true\n  age: 31\n  name: ann\n- admin: false\n  age: 25\n  name: Bob\n- admin: true\n  age: 40\n  name: cy\n"
    ),
    FilterCase("{{ {'a': [], 'b': {}, 'c': [[]]} | to_yaml }}", "a: []\nb: {}\nc:\n- []\n"),
    FilterCase("{{ u | to_yaml }}", "\"héllo ☃ \\U0001F600\"\n"),
    FilterCase(
      "{{ {'k': 'a\\nb', 't': 'true', 'n': '1.5', 'e': '', 'c': 'a: b', 'h': '#x', 's': ' x', 'q': \"it's\", 'y': 'Yes', 'tab': 'a\\tb'} | to_yaml }}",
      "{c: 'a: b', e: '', h: '#x', k: 'a\n\n    b', n: '1.5', q: it's, s: ' x', t: 'true', tab: \"a\\tb\", y: 'Yes'}\n"
    ),
    FilterCase(
      "{{ {'long': 'word ' * 30} | to_yaml }}",
      "{long: 'word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word '}\n"
    ),
    FilterCase(
      "{{ {'long': 'word ' * 30} | to_nice_yaml }}",
      "long: 'word word word word word word word word word word word word word word word\n    word word word word word word word word word word word word word word word '\n"
    ),
    FilterCase(
      "{{ ('x' * 130) | to_yaml }}",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    ),
    FilterCase(
      "{{ {('k' * 130): 1} | to_yaml }}",
      "{? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : 1}\n"
    ),
    FilterCase("{{ [1.5, 1e17, 0.0001, -0.0, 3] | to_yaml }}", "[1.5, 1.0e+17, 0.0001, -0.0, 3]\n"),
    FilterCase(
      "{{ '{\"a\": [1, 2.5, null, \"\\\\u00e9\"], \"b\": {}}' | from_json }}",
      "{'a': [1, 2.5, None, 'é'], 'b': {}}"),
    FilterCase(
      "{{ {'multi': 'line one\\nline two\\n'} | to_nice_yaml }}",
      "multi: 'line one\n\n    line two\n\n    '\n"),
    FilterCase(
      "{{ ['- x', '? y', ':z', 'a:', 'a #b', 'a#b', '@x', '---', '2020-01-01', '0x1F', '~', 'null', '1e3', '.5'] | to_yaml }}",
      "['- x', '? y', ':z', 'a:', 'a #b', a#b, '@x', '---', '2020-01-01', '0x1F', '~', 'null',\n  1e3, '.5']\n"
    ),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
