import Testing

@testable import Jinja

/// Errors while rendering: depth limits, include loops, missing templates, bad calls.
@Suite struct RuntimeErrorTests {
  @Test func macroRecursionHitsTheDepthLimit() throws {
    let error = try #require(CoreHarness.error("{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}"))
    #expect(error.kind == .recursion)
    #expect(error.span?.line == 1)
    #expect(error.includeStack.count == RenderState.maximumDepth)
  }

  @Test func includeLoopHitsTheDepthLimit() throws {
    let templates = ["a.j2": "{% include 'b.j2' %}", "b.j2": "x{% include 'a.j2' %}"]
    let error = try #require(CoreHarness.error("{% include 'a.j2' %}", templates: templates))
    #expect(error.kind == .recursion)
    #expect(error.includeStack.first?.file == "t.j2")
    #expect(error.span?.file == "a.j2" || error.span?.file == "b.j2")
  }

  @Test func missingIncludeIsLocated() throws {
    let error = try #require(CoreHarness.error("\n  {% include 'nope.j2' %}"))
    #expect(error.kind == .include)
    #expect(error.message.contains("'nope.j2' not found"))
    #expect(error.span?.line == 2)
  }

  @Test func errorsInsideIncludesCarryTheChain() throws {
    let templates = ["inner.j2": "ok\n{{ missing }}"]
    let error = try #require(CoreHarness.error("{% include 'inner.j2' %}", templates: templates))
    #expect(error.span?.file == "inner.j2")
    #expect(error.span?.line == 2)
    #expect(error.includeStack.map(\.file) == ["t.j2"])
  }

  @Test func syntaxErrorsInIncludedTemplatesAreLocatedThere() throws {
    let templates = ["broken.j2": "{% if %}"]
    let error = try #require(CoreHarness.error("{% include 'broken.j2' %}", templates: templates))
    #expect(error.kind == .syntax)
    #expect(error.span?.file == "broken.j2")
  }

  @Test(arguments: [
    ("{{ nofilter | nosuch }}", JinjaError.Kind.filter, "no filter named 'nosuch'"),
    ("{{ 1 is nosuch }}", JinjaError.Kind.test, "no test named 'nosuch'"),
    ("{% macro m(a) %}{% endmacro %}{{ m(1, 2) }}", JinjaError.Kind.type, "takes not more than 1"),
    ("{% macro m(a) %}{% endmacro %}{{ m(b=1) }}", JinjaError.Kind.type, "no keyword argument 'b'"),
    ("{% set a, b = [1] %}", JinjaError.Kind.runtime, "not enough values to unpack"),
    ("{% set x.y = 1 %}", JinjaError.Kind.type, "non-namespace object"),
    ("{{ range(1, 2, 0) }}", JinjaError.Kind.runtime, "must not be zero"),
    ("{{ range(10000000) }}", JinjaError.Kind.runtime, "too large"),
    ("{% for i in 5 %}{% endfor %}", JinjaError.Kind.type, "'int' object is not iterable"),
  ])
  func failures(template: String, kind: JinjaError.Kind, message: String) throws {
    let error = try #require(
      CoreHarness.error(template, ["nofilter": .int(1), "x": .int(1)]))
    #expect(error.kind == kind)
    #expect(error.message.contains(message), "\(error.message)")
    #expect(error.span != nil)
  }
}
