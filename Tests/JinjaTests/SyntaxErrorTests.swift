import Testing

@testable import Jinja

/// Malformed templates fail at compile time with a located syntax error.
@Suite struct SyntaxErrorTests {
  @Test(arguments: [
    ("{% if x %}\nabc", "the 'if' block is not closed", 1, 1),
    ("a\n{% for i in l %}{% endif %}", "unknown tag 'endif'", 2, 20),
    ("{% foo %}", "unknown tag 'foo'", 1, 4),
    ("{% extends 'base.j2' %}", "unknown tag 'extends'", 1, 4),
    ("{{ 1 + }}", "expected an expression", 1, 8),
    ("{{ x", "the tag is not closed", 1, 1),
    ("{# open", "missing end of comment", 1, 1),
    ("{% raw %}x", "missing end of raw directive", 1, 1),
    ("{{ 'abc }}", "unterminated string", 1, 4),
    ("{{ (1 }}", "unexpected '}'", 1, 7),
    ("{{ a ! b }}", "unexpected character '!'", 1, 6),
    ("{% set %}", "expected an assignment target", 1, 8),
    ("{% macro m(a=1, b) %}{% endmacro %}", "without a default", 1, 17),
    ("{% for i in l %}{% else %}{% endfor %}{% endfor %}", "unknown tag 'endfor'", 1, 42),
    ("{% block a %}{% endblock b %}", "mismatched block name", 1, 26),
    ("{{ f(a=1, 2) }}", "positional argument follows keyword argument", 1, 11),
  ])
  func located(template: String, message: String, line: Int, column: Int) throws {
    let environment = CoreHarness.environment()
    do {
      _ = try environment.compile(template, name: "bad.j2")
      Issue.record("expected a syntax error")
    } catch let error as JinjaError {
      #expect(error.kind == .syntax)
      #expect(error.message.contains(message), "\(error.message)")
      #expect(error.span?.file == "bad.j2")
      #expect(error.span?.line == line)
      #expect(error.span?.column == column)
    }
  }

  @Test func descriptionNamesTheLocation() throws {
    let error = try #require(CoreHarness.error("x\n{% if %}"))
    #expect(error.description.hasPrefix("t.j2:2:7: expected an expression"))
  }
}
