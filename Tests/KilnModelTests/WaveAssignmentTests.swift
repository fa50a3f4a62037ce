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
}
