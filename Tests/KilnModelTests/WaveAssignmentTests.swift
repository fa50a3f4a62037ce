import KilnModel
import Testing

/// Each host's 1-based wave is its index in `WavePlanner`'s waves, plus one.
struct WaveAssignmentTests {
  static let plan = RolloutPlan(
    env: "prod", hosts: WavePlannerTests.hosts, canary: ["mon01", "mon02"],
    batch: [.percent(30)], order: ["compute", "control"])

  @Test func wavesFollowThePlanner() {
    let assignment = WaveAssignment(plan: Self.plan)
    #expect(assignment.waves == WavePlanner.waves(for: Self.plan))
    #expect(
      assignment.waves == [
        ["mon01", "mon02"], ["cmp01", "cmp02"], ["cmp03", "cmp04"], ["ctl01", "ctl02"], ["ctl03"],
      ])
    #expect(assignment.wave(of: "mon02") == 1)
    #expect(assignment.wave(of: "ctl03") == 5)
    #expect(assignment.wave(of: "nohost") == nil)
  }

  @Test func hostsReportDistinctWavesAscending() {
    let assignment = WaveAssignment(plan: Self.plan)
    #expect(assignment.waves(of: ["ctl03", "ctl01", "ctl02", "nohost"]) == [4, 5])
    #expect(assignment.waves(of: ["cmp04", "mon01", "cmp03"]) == [1, 3])
    #expect(assignment.waves(of: []) == [])
  }

  @Test func selectionRenumbersTheWaves() {
    let assignment = WaveAssignment(plan: Self.plan, selected: ["ctl01", "cmp04"])
    #expect(assignment.waves == [["cmp04"], ["ctl01"]])
    #expect(assignment.wave(of: "ctl01") == 2)
  }

  /// A 10,000-host estate with a canary, a percentage and `order:` groups: every host lands in
  /// exactly one wave, and waves never mix groups.
  @Test func tenThousandHostsArePlacedOnceEach() {
    let groups = ["control", "monitoring", "compute"]
    let hosts = (0..<10_000).map { index in
      RolloutPlan.Host(
        name: "host\(index)", groups: [groups[index < 30 ? 0 : index < 60 ? 1 : 2]])
    }
    let plan = RolloutPlan(
      env: "prod", hosts: hosts, canary: ["host9999"], batch: [.percent(25)], order: groups)
    let clock = ContinuousClock()
    var assignment: WaveAssignment?
    let elapsed = clock.measure { assignment = WaveAssignment(plan: plan) }
    let waves = assignment?.waves ?? []
    #expect(waves.flatMap { $0 }.sorted() == hosts.map(\.name).sorted())
    #expect(waves.first == ["host9999"])
    #expect(waves.map(\.count) == [1, 30, 30, 2_500, 2_500, 2_500, 2_439])
    #expect(assignment?.waves(of: ["host0", "host59", "host60"]) == [2, 3, 4])
    print("wave assignment of 10,000 hosts: \(elapsed)")
  }
}
