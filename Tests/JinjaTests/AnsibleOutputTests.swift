import Testing

@testable import Jinja

/// Ansible's rules for the rendered result: trailing newlines, native single values, None.
@Suite struct AnsibleOutputTests {
  @Test(arguments: [
    ("{{ 5 }}\n", "5"),
    ("{{ none }}\n", ""),
    ("a{{ none }}b\n", "ab\n"),
    ("{{ 'x' }}\n", "x\n"),
    ("{{ [1, none] }}\n\n", "[1, None]\n\n"),
    ("{% if true %}{{ 1.0 }}{% endif %}\n", "1.0"),
    ("{% if false %}x{% endif %}\n", ""),
    ("x\n\n\n", "x\n\n\n"),
    ("a\r\nb\r\n", "a\r\nb\r\n"),
    ("{{ 'a' }}\r\n{{ 'b' }}\r\n", "a\nb\n"),
    ("{{ 'x\n\n\n' }}\n", "x\n\n\n"),
    ("[{% include 'inc.j2' %}]\n", "[inc]\n"),
    ("{% macro m() %}{{ 5 }}{% endmacro %}{{ m() }}\n", "5"),
    ("{% macro m() %}a{{ 5 }}{% endmacro %}{{ m() }}\n", "a5\n"),
    ("{% set b %}{{ true }}{% endset %}{{ b }}\n", "True"),
    ("{{ (1, 2) }}", "[1, 2]"),
    ("", ""),
  ])
  func output(template: String, expected: String) throws {
    #expect(try CoreHarness.render(template, templates: ["inc.j2": "inc\n"]) == expected)
  }

  @Test func nativeKeepsTypes() throws {
    let environment = CoreHarness.environment()
    let list = try environment.compile("{{ [1, 'a'] }}", name: "n").renderNative(
      DictionaryResolver([:]))
    #expect(list.isEqual(to: .list([.int(1), .string("a")])))
    let number = try environment.compile("{{ x + 1 }}\n", name: "n").renderNative(
      DictionaryResolver(["x": .int(2)]))
    #expect(number.isEqual(to: .int(3)))
    let text = try environment.compile("v={{ x }}\n", name: "n").renderNative(
      DictionaryResolver(["x": .int(2)]))
    #expect(text.isEqual(to: .string("v=2\n")))
    let nothing = try environment.compile("{{ none }}", name: "n").renderNative(
      DictionaryResolver([:]))
    #expect(nothing.isNone)
  }
}
