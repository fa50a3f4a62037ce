import Testing

@testable import Jinja

/// String filters, rendered through templates; every expected output was produced by Ansible
/// (ansible-core 2.19, Jinja2 3.1.6) from the same template and variables.
@Suite("String filters")
struct FilterStringTests {
  static let cases: [FilterCase] = [
    FilterCase("{{ 'hello WORLD' | capitalize }}", "Hello world"),
    FilterCase("{{ 'abc' | center(9) }}", "   abc   "),
    FilterCase("{{ 'abcd' | center(9) }}", "   abcd  "),
    FilterCase("{{ 'ab' | center(1) }}", "ab"),
    FilterCase("{{ s | lower }}|{{ s | upper }}", "hello world|HELLO WORLD"),
    FilterCase(
      "{{ 'hello big-world (x) [y] {z} <w>' | title }}", "Hello Big-World (X) [Y] {Z} <W>"),
    FilterCase("{{ \"o'neil mc-donald\" | title }}", "O'neil Mc-Donald"),
    FilterCase("{{ '  x  ' | trim }}|", "x|"),
    FilterCase("{{ 'xxhixx' | trim('x') }}", "hi"),
    FilterCase("{{ s | replace('o', '0') }}", "Hell0 W0rld"),
    FilterCase("{{ s | replace('o', '0', 1) }}", "Hell0 World"),
    FilterCase("{{ 'abc' | replace('', '-') }}", "-a-b-c-"),
    FilterCase("{{ text | indent }}", "line one\n    line two\n\n    line four"),
    FilterCase("{{ text | indent(2, true) }}", "  line one\n  line two\n\n  line four"),
    FilterCase(
      "{{ text | indent(2, first=true, blank=true) }}", "  line one\n  line two\n  \n  line four"),
    FilterCase("{{ text | indent('> ') }}", "line one\n> line two\n\n> line four"),
    FilterCase("{{ 'a b c d e f g h' | truncate(9) }}", "a b c..."),
    FilterCase("{{ 'a b c d e f g h' | truncate(9, true) }}", "a b c ..."),
    FilterCase("{{ 'a b c d e f g h' | truncate(9, end='!', leeway=0) }}", "a b c d!"),
    FilterCase("{{ 'hello, world: foo_bar 42' | wordcount }}", "4"),
    FilterCase("{{ 42 | string }}|{{ none | string }}|{{ [1, 'a'] | string }}", "42|None|[1, 'a']"),
    FilterCase("{{ 'a,b,,c' | split(',') }}", "['a', 'b', '', 'c']"),
    FilterCase("{{ '  a  b ' | split }}", "['a', 'b']"),
    FilterCase("{{ 'a-b-c' | split('-', 1) }}", "['a', 'b-c']"),
    FilterCase("{{ '%s=%d' | format('x', 3) }}", "x=3"),
    FilterCase(
      "{{ '%05.1f|%-4s|%x|%#o|%+d' | format(3.14159, 'ab', 255, 8, 5) }}", "003.1|ab  |ff|0o10|+5"),
    FilterCase("{{ '%(a)s-%(b)03d' | format(a='k', b=7) }}", "k-007"),
    FilterCase("{{ '%r %c %%' | format('q', 65) }}", "'q' A %"),
    FilterCase(
      "{{ '%e|%g|%G' | format(12345.678, 0.0001234, 1e20) }}", "1.234568e+04|0.0001234|1E+20"),
  ]

  @Test("renders as Ansible renders it", arguments: cases)
  func rendersAsAnsible(_ filterCase: FilterCase) throws {
    #expect(try filterCase.render() == filterCase.expected)
  }
}
