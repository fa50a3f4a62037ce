import Foundation
import Jinja
import KilnModel
import Testing

/// A 10,000-host estate: layering must stay linear in hosts × depth.
@Suite struct ScaleTests {
  static let hostCount = 10_000
  static let rackCount = 20

  static func estate() -> [String: String] {
    var files = Fixture.files
    var inventory = "all:\n  children:\n    compute:\n      children:\n"
    for rack in 0..<rackCount {
      inventory += "        rack\(rack):\n          hosts:\n"
      for host in stride(from: rack, to: hostCount, by: rackCount) {
        inventory +=
          "            node\(host): {ansible_host: 10.\(host / 256 % 256).\(host % 256).1}\n"
      }
      files["environments/prod/group_vars/rack\(rack).yaml"] =
        "level: rack\(rack)\nrack_id: \(rack)\nmariadb: {buffer_pool: \(rack)G}\n"
    }
    for host in stride(from: 0, to: hostCount, by: 10) {
      files["environments/prod/host_vars/node\(host).yaml"] = "level: node\(host)\n"
    }
    files["environments/prod/inventory.yaml"] = inventory
    files["environments/prod/group_vars/compute.yaml"] =
      "address: '{{ ansible_host }}'\nrack_size: \"{{ groups['rack0'] | length }}\"\n"
    return files
  }

  @Test func tenThousandHostsLayerQuickly() throws {
    let files = Self.estate()
    let start = Date()
    let repository = try KilnRepository.load(from: MemorySource(files))
    let loaded = Date()
    let environment = try repository.resolve(environment: "prod", engine: Fixture.engine)
    var levels = 0
    for host in environment.hosts {
      let variables = try environment.variables(forHost: host)
      if variables.layered["level"] != nil { levels += 1 }
    }
    let layered = Date()
    let seconds = (loaded.timeIntervalSince(start), layered.timeIntervalSince(loaded))
    print("scale: load \(seconds.0)s, layer \(environment.hosts.count) hosts \(seconds.1)s")
    #expect(environment.hosts.count == Self.hostCount + 1)
    #expect(levels == environment.hosts.count)
    let explanation = try environment.explain(variable: "level", host: "node10")
    #expect(explanation.contributions.last?.layer == "host_vars/node10.yaml (env prod)")
    let rack = try environment.explain(variable: "mariadb.buffer_pool", host: "node22")
    #expect(describe(rack.effectiveValue) == "'2G'")
    #expect(seconds.0 + seconds.1 < 60)
  }

  @Test func tenThousandHostsEvaluateTemplatedValues() throws {
    let repository = try KilnRepository.load(from: MemorySource(Self.estate()))
    let environment = try repository.resolve(environment: "prod", engine: Fixture.engine)
    let start = Date()
    var evaluated = 0
    for host in environment.hosts where host.hasPrefix("node") {
      let variables = try environment.variables(forHost: host)
      if case .string(let address)? = try variables.resolve("address"), address.hasPrefix("10.") {
        evaluated += 1
      }
      #expect(describe(try variables.resolve("rack_size")) == "500")
    }
    let seconds = Date().timeIntervalSince(start)
    print("scale: evaluate 2 templated values on \(evaluated) hosts \(seconds)s")
    #expect(evaluated == Self.hostCount)
    #expect(seconds < 60)
  }
}
