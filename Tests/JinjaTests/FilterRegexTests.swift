import Testing

@testable import Jinja

/// Regex filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("Regex filters")
struct FilterRegexTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ 'ansible' | regex_replace('^a.*i(.*)$', 'a\\\\1') }}", "able"),
    FilterCase("{{ 'foobar' | regex_replace('^f.*o(.*)$', '\\\\g<1>') }}", "bar"),
    FilterCase(
      "{{ 'localhost:80' | regex_replace('^(?P<host>.+):(?P<port>\\\\d+)$', '\\\\g<host>, \\\\g<port>') }}",
      "localhost, 80"),
    FilterCase("{{ 'aaa' | regex_replace('a', 'b', count=2) }}", "bba"),
    FilterCase("{{ 'Hello' | regex_replace('hello', 'x', ignorecase=true) }}", "x"),
    FilterCase("{{ 'a\\nb' | regex_replace('^', '# ', multiline=true) }}", "# a\n# b"),
    FilterCase("{{ 'x{1' | regex_replace('{', '(') }}", "x(1"),
    FilterCase("{{ 'server1/database42' | regex_search('database[0-9]+') }}", "database42"),
    FilterCase(
      "{{ 'server1/database42' | regex_search('server([0-9]+)/database([0-9]+)', '\\\\1', '\\\\2') }}",
      "['1', '42']"),
    FilterCase("{{ 'ab' | regex_search('x') }}|", "|"),
    FilterCase("{{ 'a1b22c333' | regex_findall('[0-9]+') }}", "['1', '22', '333']"),
    FilterCase(
      "{{ 'k1=v1 k2=v2' | regex_findall('(\\\\w+)=(\\\\w+)') }}", "[['k1', 'v1'], ['k2', 'v2']]"),
    FilterCase("{{ 'a.b*c' | regex_escape }}", "a\\.b\\*c"),
    FilterCase("{{ 'abcZ' | regex_replace('c\\\\Z', '!') }}", "abcZ"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
