import KilnModel
import Testing

/// Waves follow the canary, group order and batch sizes, the way Ansible's `serial` would.
struct WavePlannerTests {
  static let hosts: [RolloutPlan.Host] = [
    .init(name: "ctl01", groups: ["control"]), .init(name: "ctl02", groups: ["control"]),
    .init(name: "ctl03", groups: ["control"]), .init(name: "mon01", groups: ["monitoring"]),
    .init(name: "mon02", groups: ["monitoring"]), .init(name: "cmp01", groups: ["compute"]),
    .init(name: "cmp02", groups: ["compute"]), .init(name: "cmp03", groups: ["compute"]),
    .init(name: "cmp04", groups: ["compute"]),
  ]

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var plan: RolloutPlan
    var selected: Set<String>?
    var expected: [[String]]
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "example prod: canary, 25%, control before monitoring before compute",
      plan: RolloutPlan(
        env: "prod", hosts: hosts, canary: ["cmp01"], batch: [.percent(25)],
        order: ["control", "monitoring", "compute"]),
      expected: [
        ["cmp01"], ["ctl01", "ctl02"], ["ctl03"], ["mon01", "mon02"], ["cmp02", "cmp03"],
        ["cmp04"],
      ]),
    Case(
      name: "no order: inventory order in batches of 4",
      plan: RolloutPlan(env: "prod", hosts: hosts, batch: [.count(4)]),
      expected: [
        ["ctl01", "ctl02", "ctl03", "mon01"], ["mon02", "cmp01", "cmp02", "cmp03"], ["cmp04"],
      ]),
    Case(
      name: "serial list: 1, then 50% repeating",
      plan: RolloutPlan(env: "prod", hosts: hosts, batch: [.count(1), .percent(50)]),
      expected: [
        ["ctl01"], ["ctl02", "ctl03", "mon01", "mon02"], ["cmp01", "cmp02", "cmp03", "cmp04"],
      ]),
    Case(
      name: "everything at once by default",
      plan: RolloutPlan(env: "prod", hosts: Array(hosts.prefix(3))),
      expected: [["ctl01", "ctl02", "ctl03"]]),
    Case(
      name: "selection keeps plan order and skips an unselected canary",
      plan: RolloutPlan(
        env: "prod", hosts: hosts, canary: ["cmp01"], batch: [.count(2)], order: ["compute"]),
      selected: ["cmp04", "cmp02", "ctl01"],
      expected: [["cmp02", "cmp04"], ["ctl01"]]),
  ]

  @Test(arguments: cases)
  func waves(_ testCase: Case) {
    #expect(WavePlanner.waves(for: testCase.plan, selected: testCase.selected) == testCase.expected)
  }

  struct Fatality: Sendable {
    var failed: Int
    var total: Int
    var percent: Int
    var anyFatal: Bool
    var expected: Bool
  }

  @Test(arguments: [
    Fatality(failed: 0, total: 4, percent: 0, anyFatal: false, expected: false),
    Fatality(failed: 1, total: 4, percent: 0, anyFatal: false, expected: true),
    Fatality(failed: 1, total: 4, percent: 25, anyFatal: false, expected: false),
    Fatality(failed: 2, total: 4, percent: 25, anyFatal: false, expected: true),
    Fatality(failed: 1, total: 4, percent: 50, anyFatal: true, expected: true),
  ])
  func fatality(_ row: Fatality) {
    let plan = RolloutPlan(
      env: "prod", hosts: [], maxFailPercentage: row.percent, anyErrorsFatal: row.anyFatal)
    #expect(WavePlanner.isFatal(failed: row.failed, total: row.total, plan: plan) == row.expected)
  }
}
