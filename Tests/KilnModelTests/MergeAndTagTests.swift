import KilnDiagnostics
import KilnModel
import Testing

@Suite struct MergeAndTagTests {
  /// Resolves `name` on mon01 with base setting `base` and prod setting `prod` for it.
  private func merged(_ base: String, _ prod: String) throws -> VariableExplanation {
    let environment = try Fixture.resolve(
      "prod",
      [
        "environments/base/group_vars/monitoring.yaml": "v: \(base)\n",
        "environments/prod/group_vars/monitoring.yaml": "v: \(prod)\n",
      ])
    return try environment.explain(variable: "v", host: "mon01")
  }

  @Test(arguments: [
    ("[a, b, c]", "!append [d]", "['a', 'b', 'c', 'd']"),
    ("[a, b, c]", "!append d", "['a', 'b', 'c', 'd']"),
    ("[a, b, c]", "!prepend [z, y]", "['z', 'y', 'a', 'b', 'c']"),
    ("[a, b, c]", "!remove [b, x]", "['a', 'c']"),
    ("[a, b, c]", "!remove c", "['a', 'b']"),
    ("[a, b, c]", "[x]", "['x']"),
    ("[a, b, c]", "!replace [x]", "['x']"),
    ("[{n: 1}, {n: 2}]", "!remove [{n: 1}]", "[{'n': 2}]"),
    ("{p: 1, q: 2}", "{q: 3, r: 4}", "{'p': 1, 'q': 3, 'r': 4}"),
    ("{p: 1, q: 2}", "!replace {r: 4}", "{'r': 4}"),
    ("{p: 1, q: 2}", "!remove [p]", "{'q': 2}"),
    ("{p: 1, q: 2}", "\n  p: !unset", "{'q': 2}"),
    ("{p: {x: 1}}", "{p: {y: 2}}", "{'p': {'x': 1, 'y': 2}}"),
    ("{p: 1}", "5", "5"),
    ("5", "{p: 1}", "{'p': 1}"),
    ("[a]", "{p: 1}", "{'p': 1}"),
    ("{p: 1}", "null", "null"),
    ("plain", "!secret db_password", "'<secret db_password>'"),
    ("[a]", "[!secret one, two]", "['<secret one>', 'two']"),
    ("x", "!unset", "undefined"),
  ])
  func mergeFollowsTheTags(base: String, prod: String, expected: String) throws {
    #expect(describe(try merged(base, prod).effectiveValue) == expected)
  }

  @Test func appendToNothingIsTheList() throws {
    let environment = try Fixture.resolve(
      "prod", ["environments/prod/group_vars/monitoring.yaml": "fresh: !append [a]\n"])
    #expect(
      describe(try environment.explain(variable: "fresh", host: "mon01").effectiveValue)
        == "['a']")
  }

  @Test func existingKeysKeepPositionAndNewKeysAppend() throws {
    let prod = try Fixture.resolve()
    let host = try prod.variables(forHost: "mon01")
    #expect(
      describe(try host.resolve("mariadb"))
        == "{'max_connections': 200, 'buffer_pool': '1G', 'wsrep': true}")
    let control = try prod.variables(forHost: "ctl01")
    #expect(
      describe(try control.resolve("mariadb"))
        == "{'max_connections': 8192, 'buffer_pool': '1G', 'wsrep': true}")
    #expect(describe(try host.resolve("ntp_servers")) == "['ntp1', 'ntp2', 'ntp3']")
  }

  @Test func unsetThenSetAgainIsDefined() throws {
    let environment = try Fixture.resolve(
      "prod",
      [
        "environments/prod/group_vars/monitoring.yaml": "level: !unset\n",
        "environments/prod/host_vars/mon01.yaml": "level: back\n",
      ])
    let explanation = try environment.explain(variable: "level", host: "mon01")
    #expect(describe(explanation.effectiveValue) == "'back'")
    #expect(explanation.contributions.map(\.operation).suffix(2) == [.unset, .set])
  }

  @Test func unsetVariableIsUndefinedButExplained() throws {
    let environment = try Fixture.resolve(
      "prod", ["environments/prod/group_vars/monitoring.yaml": "level: !unset\n"])
    let host = try environment.variables(forHost: "mon01")
    #expect(try host.resolve("level") == nil)
    #expect(!host.names.contains("level"))
    let explanation = try environment.explain(variable: "level", host: "mon01")
    #expect(!explanation.isDefined)
    #expect(explanation.contributions.last?.operation == .unset)
    #expect(
      explanation.contributions.last?.location.file
        == "environments/prod/group_vars/monitoring.yaml")
  }

  @Test func secretTagStaysVisibleInProvenance() throws {
    let explanation = try merged("x", "!secret db_password")
    #expect(explanation.contributions.last?.operation == .secret)
    #expect(explanation.contributions.last?.node.tag == .secret)
  }
}
