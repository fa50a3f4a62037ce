import KilnDiagnostics
import KilnModel
import Testing

@Suite struct HostRangeTests {
  @Test(arguments: [
    ("web[01:03]", ["web01", "web02", "web03"]),
    ("n[8:10].example.com", ["n8.example.com", "n9.example.com", "n10.example.com"]),
    ("db-[a:c]", ["db-a", "db-b", "db-c"]),
    ("c[0:10:5]", ["c0", "c5", "c10"]),
    ("r[1:2]n[1:2]", ["r1n1", "r1n2", "r2n1", "r2n2"]),
    ("plain", ["plain"]),
  ])
  func rangesExpandInOrder(pattern: String, hosts: [String]) throws {
    let repository = try Fixture.load([
      "environments/prod/inventory.yaml":
        "all:\n  children:\n    web:\n      hosts:\n        \(pattern):\n          x: 1\n"
    ])
    let inventory = try #require(repository.inventory(of: "prod"))
    #expect(inventory.hosts(inGroup: "web") == hosts)
    let prod = try repository.resolve(environment: "prod", engine: Fixture.engine)
    for host in hosts {
      #expect(describe(try prod.variables(forHost: host).resolve("x")) == "1")
    }
  }

  @Test(arguments: ["web[3:1]", "web[1:]", "web[a:3]", "web[1:3:0]", "w[0:5000]x[0:5000]"])
  func malformedRangeIsLocated(pattern: String) {
    let diagnostics = Fixture.diagnostics([
      "environments/prod/inventory.yaml": "all:\n  hosts:\n    \(pattern):\n"
    ])
    let found = diagnostics.first { $0.id == ModelDiagnostics.invalidValue }
    #expect(found?.location?.line == 3)
    #expect(found?.message.contains(pattern) == true)
  }
}
