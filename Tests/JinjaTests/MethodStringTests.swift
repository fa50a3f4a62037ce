import Testing

@testable import Jinja

/// String methods, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("String methods")
struct MethodStringTests {
  static let cases: [FilterCase] = [
    FilterCase(
      "{{ s.split() }}|{{ 'a,b,,c'.split(',') }}|{{ 'a,b,c'.split(',', 1) }}|{{ 'a,b,c'.rsplit(',', 1) }}|{{ '  a  b '.split(none, 1) }}|{{ ' a b  c  '.rsplit(none, 1) }}",
      "['Hello', 'World']|['a', 'b', '', 'c']|['a', 'b,c']|['a,b', 'c']|['a', 'b ']|[' a b', 'c']"),
    FilterCase(
      "{{ s.startswith('He') }}|{{ s.startswith(('x', 'Hel')) }}|{{ s.endswith('ld') }}|{{ s.startswith('World', 6) }}",
      "True|True|True|True"),
    FilterCase("{{ s.replace('l', 'L') }}|{{ s.replace('l', 'L', 2) }}", "HeLLo WorLd|HeLLo World"),
    FilterCase(
      "{{ '  x  '.strip() }}|{{ '  x  '.lstrip() }}|{{ '  x  '.rstrip() }}|{{ 'xxhixx'.strip('x') }}",
      "x|x  |  x|hi"),
    FilterCase(
      "{{ s.lower() }}|{{ s.upper() }}|{{ 'hello world'.title() }}|{{ 'hELLO'.capitalize() }}",
      "hello world|HELLO WORLD|Hello World|Hello"),
    FilterCase(
      "{{ '{} and {}'.format(1, 'x') }}|{{ '{1}{0}'.format('a', 'b') }}|{{ '{name}!'.format(name='n') }}",
      "1 and x|ba|n!"),
    FilterCase(
      "{{ '{:>5}|{:<5}|{:^5}|{:*^7}'.format('a', 'b', 'c', 'd') }}", "    a|b    |  c  |***d***"),
    FilterCase(
      "{{ '{:05d}|{:+d}|{:x}|{:#x}|{:b}|{:,}'.format(42, 5, 255, 255, 5, 1234567) }}",
      "00042|+5|ff|0xff|101|1,234,567"),
    FilterCase(
      "{{ '{:.2f}|{:.3}|{:e}|{:%}|{}'.format(3.14159, 2.5, 12345.678, 0.25, 1.5) }}",
      "3.14|2.5|1.234568e+04|25.000000%|1.5"),
    FilterCase(
      "{{ '{0[a]} {0[b][0]}'.format({'a': 1, 'b': [2]}) }}|{{ '{!r}'.format('q') }}|{{ '{{}}'.format() }}",
      "1 2|'q'|{}"),
    FilterCase(
      "{{ ', '.join(['a', 'b']) }}|{{ s.count('o') }}|{{ s.find('W') }}|{{ s.find('z') }}|{{ s.rfind('o') }}",
      "a, b|2|6|-1|7"),
    FilterCase(
      "{{ '12'.isdigit() }}|{{ '1a'.isdigit() }}|{{ 'ab'.isalpha() }}|{{ 'a1'.isalnum() }}|{{ '  '.isspace() }}|{{ 'ab'.islower() }}|{{ 'AB'.isupper() }}",
      "True|False|True|True|True|True|True"),
    FilterCase(
      "{{ 'a\\nb'.splitlines() }}|{{ '42'.zfill(5) }}|{{ '-42'.zfill(5) }}|{{ 'ab'.center(6, '*') }}",
      "['a', 'b']|00042|-0042|**ab**"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
