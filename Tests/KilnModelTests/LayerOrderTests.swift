import KilnDiagnostics
import KilnModel
import Testing

@Suite struct LayerOrderTests {
  @Test func everyLevelAppliesInDesignOrder() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "level", host: "ctl01")
    #expect(
      writtenTexts(explanation) == [
        "defaults", "all-inventory-base", "all-groupvars-base", "all-inventory-prod",
        "all-groupvars-prod", "control-inventory-base", "control-groupvars-base",
        "control-groupvars-prod", "host-inventory-base", "host-hostvars-base",
        "host-hostvars-prod", "overlay-tuning",
      ])
    #expect(describe(explanation.effectiveValue) == "'overlay-tuning'")
  }

  @Test func layerDescriptionsNameFileAndEnvironment() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "level", host: "ctl01")
    #expect(
      explanation.contributions.map(\.layer) == [
        "templates/mariadb/defaults.yaml (service mariadb defaults)",
        "inventory.yaml all.vars (env base)", "group_vars/all.yaml (env base)",
        "inventory.yaml all.vars (env prod)", "group_vars/all.yaml (env prod)",
        "inventory.yaml group control vars (env base)", "group_vars/control.yaml (env base)",
        "group_vars/control.yaml (env prod)", "inventory.yaml host ctl01 (env base)",
        "host_vars/ctl01.yaml (env base)", "host_vars/ctl01.yaml (env prod)",
        "overlay tuning values",
      ])
  }

  @Test func groupsApplyByDepthThenDirectoryFilesByName() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "level", host: "cmp01")
    #expect(
      writtenTexts(explanation) == [
        "defaults", "all-inventory-base", "all-groupvars-base", "all-inventory-prod",
        "all-groupvars-prod", "compute-10", "compute-20", "compute_big",
      ])
    #expect(
      explanation.contributions[5].location
        == SourceLocation(
          file: "environments/base/group_vars/compute/10-first.yaml", line: 1, column: 8))
  }

  @Test func hostsWithoutMoreSpecificLayersSeeTheAllLevel() throws {
    let prod = try Fixture.resolve()
    #expect(
      describe(try prod.explain(variable: "level", host: "mon01").effectiveValue)
        == "'all-groupvars-prod'")
    #expect(
      describe(try prod.explain(variable: "level", host: "ctl02").effectiveValue)
        == "'overlay-tuning'")
  }

  @Test func overlayWithServiceFilterReachesOnlyHostsRunningIt() throws {
    let prod = try Fixture.resolve()
    let compute = try prod.variables(forHost: "cmp02")
    #expect(describe(try compute.resolve("compute_overlay")) == "'yes-it-is'")
    let control = try prod.variables(forHost: "ctl01")
    #expect(try control.resolve("compute_overlay") == nil)
  }

  @Test func setOverridesWinAndParseAsYAML() throws {
    let overrides = try ["level=42", "mariadb.max_connections=7", "new.deep.key=[1, two]"].map {
      try VariableOverride.parse($0)
    }
    let prod = try Fixture.resolve(overrides: overrides)
    let host = try prod.variables(forHost: "ctl01")
    #expect(describe(try host.resolve("level")) == "42")
    #expect(describe(try host.resolve(path: ["mariadb", "max_connections"])) == "7")
    #expect(describe(try host.resolve(path: ["mariadb", "buffer_pool"])) == "'1G'")
    #expect(describe(try host.resolve("new")) == "{'deep': {'key': [1, 'two']}}")
    let explanation = try prod.explain(variable: "level", host: "ctl01")
    #expect(explanation.contributions.last?.layer == "--set level=42")
  }

  @Test(arguments: ["novalue", "=3", "a..b=1", "x=[unclosed"])
  func malformedSetIsADiagnostic(text: String) {
    #expect(throws: DiagnosticsError.self) { try VariableOverride.parse(text) }
  }

  @Test func serviceDefaultsAgreeingOnAValueAreAllowed() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "shared", host: "mon01")
    #expect(describe(explanation.effectiveValue) == "'same'")
    #expect(explanation.contributions.count == 2)
  }

  @Test func baseEnvironmentIgnoresChildLayers() throws {
    let base = try Fixture.resolve("base")
    let explanation = try base.explain(variable: "level", host: "ctl01")
    #expect(describe(explanation.effectiveValue) == "'host-hostvars-base'")
    #expect(!explanation.contributions.contains { $0.layer.contains("prod") })
  }
}
