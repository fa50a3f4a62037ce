import Testing

@testable import Jinja

/// Operator precedence and Python semantics of expressions.
@Suite struct ExpressionTests {
  @Test(arguments: [
    ("{{ 1 + 2 * 3 }}", "7"),
    ("{{ (1 + 2) * 3 }}", "9"),
    ("{{ -2 ** 2 }}", "4"),
    ("{{ 2 ** 3 ** 2 }}", "64"),
    ("{{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 7 % -3 }}", "3 -4 1 2 -2"),
    ("{{ 7 / 2 }} {{ 4 / 2 }} {{ 7.0 // 2 }}", "3.5 2.0 3.0"),
    ("{{ 'ab' * 3 }}{{ 2 * 'c' }}", "abababcc"),
    ("{{ [1] * 2 + [3] }}", "[1, 1, 3]"),
    ("{{ 'a' ~ 1 * 2 }}", "a2"),
    ("{{ 'a' ~ none ~ true }}", "aNoneTrue"),
    ("{{ not 1 == 2 }}", "True"),
    ("{{ 1 < 2 < 3 }} {{ 3 > 2 > 2 }}", "True False"),
    ("{{ 1 == 1.0 }} {{ true == 1 }} {{ 'a' != 'b' }}", "True True True"),
    (
      "{{ 2 in [1, 2] }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }} {{ 3 not in [3] }}",
      "True True True False"
    ),
    ("{{ 0 or 'x' }} {{ 1 and 'y' }} {{ '' or '' }}|", "x y |"),
    ("{{ 'yes' if 1 > 0 else 'no' }} {{ 'yes' if 0 else 'no' }}", "yes no"),
    ("{{ 1 if false }}|", "|"),
    (
      "{{ 'abcdef'[1:4] }} {{ 'abc'[::-1] }} {{ [1, 2, 3][-1] }} {{ [1, 2, 3, 4][::2] }}",
      "bcd cba 3 [1, 3]"
    ),
    ("{{ 'abc'[-2:] }} {{ [1, 2, 3][5:] }}", "bc []"),
    ("{{ {'a': 1}.a }} {{ {'a': {'b': 2}}['a'].b }} {{ [[1, 2]][0][1] }}", "1 2 2"),
    ("{{ (1, 2) }} {{ () }} {{ (1,) }}", "[1, 2] [] [1]"),
    ("{{ {'a': [1, 'x'], 2: none} }}", "{'a': [1, 'x'], 2: None}"),
    ("{{ 1_000 + 0x10 + 0o10 + 0b11 }}", "1027"),
    ("{{ 1.5e3 }} {{ 1e16 }} {{ 0.1 + 0.2 }} {{ 1e-5 }}", "1500.0 1e+16 0.30000000000000004 1e-05"),
    ("{{ 'a\\tb\\n' ~ \"\\x41\\u00e9\" }}", "a\tb\nAé"),
    ("{{ 'ab' 'cd' }}", "abcd"),
    ("{{ none }}|{{ None }}|{{ True }}{{ false }}", "||TrueFalse"),
    ("{{ 'x' | shout ~ 'y' }}", "Xy"),
    ("{{ -1 | shout }}", "-1"),
    ("{{ 'a' + 'b' | shout }}", "aB"),
    ("{{ x is defined and x > 1 }}", "False"),
    ("{{ '%s-%d' % ('a', 3) }}", "a-3"),
    ("{{ range(3) | list if false else range(1, 7, 2) }}", "[1, 3, 5]"),
    ("{{ dict(a=1, b=2) }}", "{'a': 1, 'b': 2}"),
  ])
  func evaluates(template: String, expected: String) throws {
    #expect(try CoreHarness.render(template) == expected)
  }

  @Test(arguments: [
    ("{{ 1 < 'a' }}", "'<' not supported between instances of 'int' and 'str'"),
    ("{{ 1 + 'a' }}", "unsupported operand type(s) for +: 'int' and 'str'"),
    ("{{ 1 / 0 }}", "division by zero"),
    ("{{ 1 // 0 }}", "integer division or modulo by zero"),
    ("{{ 5 % 0 }}", "integer modulo by zero"),
    ("{{ 1 in 2 }}", "argument of type 'int' is not iterable"),
    ("{{ 1 + 2 ~ 3 }}", "unsupported operand type(s) for +"),
    ("{{ 9223372036854775807 + 1 }}", "integer overflow"),
    ("{{ 5() }}", "'int' object is not callable"),
  ])
  func failsWithTypeOrRuntimeError(template: String, message: String) throws {
    let error = try #require(CoreHarness.error(template))
    #expect(error.message.contains(message))
    #expect(error.span?.line == 1)
    #expect(error.span?.column == 4)
  }
}
