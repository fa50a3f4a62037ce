import Testing

@testable import Jinja

/// Control structures, assignments, macros and scoping.
@Suite struct StatementTests {
  static let items: Value = .list([.string("a"), .string("b"), .string("c")])

  @Test(arguments: [
    ("{% if x %}a{% elif y %}b{% else %}c{% endif %}", "b"),
    ("{% for i in items %}{{ loop.index }}{{ i }}{% endfor %}", "1a2b3c"),
    (
      "{% for i in items %}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }},{% endfor %}",
      "032,121,210,"
    ),
    (
      "{% for i in items %}{{ loop.first }}{{ loop.last }}{{ loop.length }} {% endfor %}",
      "TrueFalse3 FalseFalse3 FalseTrue3 "
    ),
    ("{% for i in items %}{{ loop.cycle('x', 'y') }}{% endfor %}", "xyx"),
    (
      "{% for i in items %}{{ loop.previtem | default('-') }}{{ loop.nextitem | default('-') }} {% endfor %}",
      "-b ac b- "
    ),
    ("{% for i in items if i != 'b' %}{{ i }}{{ loop.length }}{% endfor %}", "a2c2"),
    ("{% for i in [] %}x{% else %}empty{% endfor %}", "empty"),
    ("{% for k, v in [('a', 1), ('b', 2)] %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;"),
    ("{% for k in {'z': 1, 'a': 2} %}{{ k }}{% endfor %}", "za"),
    (
      "{% for i in [1, 2] %}{% for j in [3, 4] %}{{ loop.depth }}{{ i }}{{ j }} {% endfor %}{% endfor %}",
      "113 114 123 124 "
    ),
    (
      "{% for n in [{'n': 'a', 'c': [{'n': 'b', 'c': []}]}, {'n': 'd', 'c': []}] recursive %}{{ n.n }}{{ loop.depth }}{% if n.c %}[{{ loop(n.c) }}]{% endif %}{% endfor %}",
      "a1[b2]d1"
    ),
    ("{% set a = 1 %}{% for i in [5] %}{% set a = i %}{% endfor %}{{ a }}", "1"),
    ("{% set a, b = 1, 2 %}{{ b }}{{ a }}", "21"),
    (
      "{% set ns = namespace(total=0) %}{% for i in [1, 2, 3] %}{% set ns.total = ns.total + i %}{% endfor %}{{ ns.total }}",
      "6"
    ),
    ("{% set block_value %}a{{ 1 }}b{% endset %}[{{ block_value }}]", "[a1b]"),
    ("{% set v | shout %}abc{% endset %}{{ v }}", "ABC"),
    ("{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}{{ a is defined }}", "3False"),
    ("{% filter shout %}a{{ 'b' }}{% endfilter %}", "AB"),
    ("{% raw %}{{ x }}{% if %}{% endraw %}", "{{ x }}{% if %}"),
    ("{# comment #}x{# another\nline #}", "x"),
    (
      "{% macro m(a, b=2) %}{{ a }}{{ b }}{% endmacro %}{{ m(1) }}{{ m(3, b=4) }}{{ m(b=6, a=5) }}",
      "123456"
    ),
    ("{% macro m() %}{{ varargs }}{{ kwargs }}{% endmacro %}{{ m(1, 2, k=3) }}", "[1, 2]{'k': 3}"),
    (
      "{% macro m(x) %}[{{ caller(x) }}]{% endmacro %}{% call(v) m(5) %}v={{ v }}{% endcall %}",
      "[v=5]"
    ),
    (
      "{% macro f(n) %}{% if n > 0 %}{{ n }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(3) }}",
      "321"
    ),
    ("{% set l = [] %}{% for i in [1, 2] %}{% set _ = l.append(i) %}{% endfor %}{{ l }}", "[1, 2]"),
    ("{% set d = {'a': 1} %}{% set _ = d.update({'b': 2}) %}{{ d }}", "{'a': 1, 'b': 2}"),
    ("{% block body %}in block{% endblock %}", "in block"),
    ("{% print 1 + 1 %}", "2"),
  ])
  func renders(template: String, expected: String) throws {
    let variables: [String: Value] = ["x": .bool(false), "y": .int(1), "items": Self.items]
    #expect(try CoreHarness.render(template, variables) == expected)
  }

  @Test func includeImportAndFromImport() throws {
    let templates = [
      "part.j2": "part {{ who }}{% set leaked = 1 %}\n",
      "macros.j2": "{% macro hi(n) %}hi {{ n }}{% endmacro %}{% set answer = 42 %}",
    ]
    let variables: [String: Value] = ["who": .string("w")]
    #expect(
      try CoreHarness.render(
        "[{% include 'part.j2' %}]{{ leaked is defined }}", variables, templates: templates)
        == "[part w]False")
    #expect(
      try CoreHarness.render(
        "{% include ['nope.j2', 'part.j2'] %}", variables, templates: templates)
        == "part w")
    #expect(
      try CoreHarness.render("a{% include 'nope.j2' ignore missing %}b", templates: templates)
        == "ab")
    #expect(
      try CoreHarness.render(
        "{% import 'macros.j2' as m %}{{ m.hi(1) }} {{ m.answer }}", templates: templates)
        == "hi 1 42")
    #expect(
      try CoreHarness.render(
        "{% from 'macros.j2' import hi as h, answer %}{{ h(2) }}{{ answer }}", templates: templates)
        == "hi 242")
    #expect(
      try CoreHarness.render(
        "{% for who in ['x'] %}{% include 'part.j2' %}{% endfor %}", templates: templates)
        == "part x")
  }
}
