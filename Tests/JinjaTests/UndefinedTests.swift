import Testing

@testable import Jinja

/// Strict undefined: located errors for every use except tests and defaults.
@Suite struct UndefinedTests {
  static let variables: [String: Value] = [
    "d": .map(ValueMap(["a": .map(ValueMap(["b": .int(1)]))])),
    "hostvars": .map(ValueMap(["x": .map(ValueMap(["ip": .string("10.0.0.1")]))])),
  ]

  @Test(arguments: [
    ("{{ nope is defined }} {{ nope is undefined }} {{ d.a.b is defined }}", "False True True"),
    ("{{ d.missing.deeper | default('z') }}", "z"),
    ("{{ d.x.y is defined }}", "False"),
    ("{% if nope is defined and nope %}x{% else %}y{% endif %}", "y"),
    ("{{ hostvars['x'].ip }}", "10.0.0.1"),
  ])
  func allowed(template: String, expected: String) throws {
    #expect(try CoreHarness.render(template, Self.variables) == expected)
  }

  @Test(arguments: [
    ("{{ nope }}", "'nope' is undefined", 1, 4),
    ("line\n  {{ hostvars['x'].foo }}", "'hostvars['x'].foo' is undefined", 2, 6),
    ("{{ d.a.c + 1 }}", "'d.a.c' is undefined", 1, 4),
    ("{% for i in nope %}{% endfor %}", "'nope' is undefined", 1, 13),
    ("{% if nope %}{% endif %}", "'nope' is undefined", 1, 7),
    ("{{ not nope }}", "'nope' is undefined", 1, 4),
    ("{{ nope == 1 }}", "'nope' is undefined", 1, 4),
    ("{{ nope() }}", "'nope' is undefined", 1, 4),
    ("{{ [1, nope] }}", "'nope' is undefined", 1, 8),
    ("{{ 'a' ~ nope }}", "'nope' is undefined", 1, 4),
    ("{{ nope | shout }}", "'nope' is undefined", 1, 4),
    ("{{ d.a.c.upper() }}", "'d.a.c' is undefined", 1, 4),
  ])
  func rejected(template: String, message: String, line: Int, column: Int) throws {
    let error = try #require(CoreHarness.error(template, Self.variables))
    #expect(error.kind == .undefined)
    #expect(error.message.contains(message))
    #expect(error.span?.file == "t.j2")
    #expect(error.span?.line == line)
    #expect(error.span?.column == column)
  }

  @Test func missingAttributeSaysWhy() throws {
    let error = try #require(CoreHarness.error("{{ d.a.nope }}", Self.variables))
    #expect(error.message.contains("object of type 'dict' has no attribute 'nope'"))
    #expect(error.hint != nil)
  }
}
