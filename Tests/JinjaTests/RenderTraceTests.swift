import Testing

@testable import Jinja

/// The trace maps output bytes back to template spans and the variables they read.
@Suite struct RenderTraceTests {
  @Test func recordsEmissionsWithVariables() throws {
    let environment = CoreHarness.environment()
    let template = try environment.compile(
      "host: {{ name }}\nport={{ port + offset }}\n{% if on %}é{{ name ~ 'x' }}{% endif %}\n",
      name: "trace.j2")
    let trace = RenderTrace()
    let output = try template.render(
      DictionaryResolver([
        "name": .string("ctl"), "port": .int(80), "offset": .int(1), "on": .bool(true),
      ]), trace: trace)
    #expect(output == "host: ctl\nport=81\néctlx\n")
    let emissions = trace.emissions
    let bytes = Array(output.utf8)
    func text(_ emission: RenderTrace.Emission) -> String {
      String(decoding: bytes[emission.outputRange], as: UTF8.self)
    }
    let expressions = emissions.filter { !$0.variables.isEmpty }
    #expect(expressions.map(text) == ["ctl", "81", "ctlx"])
    #expect(expressions.map(\.variables) == [["name"], ["port", "offset"], ["name"]])
    #expect(expressions.map(\.span.line) == [1, 2, 3])
    #expect(expressions[1].span.column == 9)
    #expect(
      emissions.map(\.outputRange.lowerBound) == emissions.map(\.outputRange.lowerBound).sorted())
    #expect(
      emissions.last?.outputRange.upperBound == bytes.count - 1
        || emissions.last?.outputRange.upperBound == bytes.count)
  }

  @Test func referencedNamesExcludeLocals() throws {
    let template = try CoreHarness.environment().compile(
      "{% set a = b %}{% for i in items %}{{ i }}{{ a }}{{ loop.index }}{% endfor %}"
        + "{% macro m(p) %}{{ p }}{{ q }}{% endmacro %}{{ range(3) }}", name: "r.j2")
    #expect(template.referencedNames == ["b", "items", "q"])
  }
}
