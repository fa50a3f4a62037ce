import KilnDiagnostics
import KilnModel
import Testing

@Suite struct InventoryTests {
  @Test func hostsKeepInventoryOrderAlongTheChain() throws {
    let prod = try Fixture.resolve()
    #expect(prod.hosts == ["ctl01", "ctl02", "ctl03", "cmp01", "cmp02", "mon01", "loner"])
    let base = try Fixture.resolve("base")
    #expect(base.hosts == ["ctl01"])
  }

  @Test(arguments: [
    ("all", ["ctl01", "ctl02", "ctl03", "cmp01", "cmp02", "mon01", "loner"]),
    ("control", ["ctl01", "ctl02", "ctl03"]),
    ("compute", ["cmp01", "cmp02"]),
    ("compute_big", ["cmp01"]),
    ("monitoring", ["mon01"]),
    ("ungrouped", ["loner"]),
  ])
  func groupsIncludeDescendantHosts(group: String, hosts: [String]) throws {
    let prod = try Fixture.resolve()
    #expect(prod.hosts(inGroup: group) == hosts)
  }

  @Test(arguments: [
    ("ctl01", ["control"]),
    ("cmp01", ["compute", "compute_big"]),
    ("mon01", ["monitoring"]),
    ("loner", ["ungrouped"]),
  ])
  func groupNamesAreSortedWithoutAll(host: String, groups: [String]) throws {
    let prod = try Fixture.resolve()
    #expect(prod.groupNames(ofHost: host) == groups)
  }

  @Test func groupOrderIsDepthThenName() throws {
    let repository = try Fixture.load([
      "environments/prod/inventory.yaml": """
      all:
        children:
          zeta:
            children:
              beta:
                hosts: {h1: }
          alpha:
            hosts: {h1: }
          gamma:
            children:
              beta: {}
      """
    ])
    let inventory = try #require(repository.inventory(of: "prod"))
    #expect(inventory.layeringOrder(ofHost: "h1") == ["alpha", "gamma", "zeta", "beta"])
    #expect(inventory.hosts(inGroup: "gamma") == ["h1"])
  }

  @Test func groupUnderSeveralParentsMergesItsDeclarations() throws {
    let repository = try Fixture.load([
      "environments/prod/inventory.yaml": """
      all:
        children:
          dc1:
            children:
              storage:
                hosts: {s1: }
          dc2:
            children:
              storage:
                hosts: {s2: }
      """
    ])
    let inventory = try #require(repository.inventory(of: "prod"))
    #expect(inventory.hosts(inGroup: "storage") == ["s1", "s2"])
    #expect(inventory.hosts(inGroup: "dc1") == ["s1", "s2"])
    #expect(inventory.groupNames(ofHost: "s1") == ["dc1", "dc2", "storage"])
  }

  @Test func topLevelGroupsBesideAllAreChildrenOfAll() throws {
    let repository = try Fixture.load([
      "environments/prod/inventory.yaml": "web:\n  hosts:\n    w1:\n"
    ])
    let inventory = try #require(repository.inventory(of: "prod"))
    #expect(inventory.hosts(inGroup: "web") == ["w1"])
    #expect(inventory.hosts(inGroup: "all")?.contains("w1") == true)
  }

  @Test func servicesRunOnTheirGroup() throws {
    let prod = try Fixture.resolve()
    #expect(prod.services(onHost: "ctl02").map(\.name) == ["mariadb"])
    #expect(prod.services(onHost: "cmp02").map(\.name) == ["nova"])
    #expect(prod.services(onHost: "loner").isEmpty)
    #expect(prod.hosts(runningService: "nova") == ["cmp01", "cmp02"])
  }

  @Test func overlaysFilterByEnvironmentGroupAndService() throws {
    let prod = try Fixture.resolve()
    #expect(prod.overlays.map(\.name) == ["tuning", "compute-only"])
    #expect(prod.overlays(forHost: "ctl01").map(\.name) == ["tuning"])
    #expect(prod.overlays(forHost: "cmp01").map(\.name) == ["compute-only"])
    #expect(prod.overlays(forHost: "mon01").isEmpty)
  }

  @Test func groupCycleIsAnError() {
    let diagnostics = Fixture.diagnostics([
      "environments/prod/inventory.yaml": """
      all:
        children:
          a:
            children:
              b: {}
          b:
            children:
              a: {}
      """
    ])
    #expect(diagnostics.contains { $0.id == ModelDiagnostics.groupCycle })
  }
}
