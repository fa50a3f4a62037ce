import Foundation
import KilnBundle
import KilnModel
import KilnTestSupport
import Testing

@testable import KilnExecutor

/// `Executor.apply` with the copy driver into temporary host roots: waves, rollback, refusals.
struct ExecutorTests {
  struct Setup {
    let state: StateDirectory
    let driver: CopyDriver

    init() throws {
      let root = try TemporaryDirectory.make("apply").path
      state = StateDirectory(path: root + "/state")
      driver = CopyDriver(root: root + "/hosts")
    }

    func options(
      env: String? = "prod", timeout: Double = 30, driver: (any Driver)? = nil, limit: [String] = []
    ) -> ApplyOptions {
      ApplyOptions(
        state: state, driver: driver ?? self.driver, expectedEnvironment: env, limit: limit,
        driverTimeout: timeout, healthEnvironment: ["KILN_ROOT": self.driver.root])
    }

    @discardableResult
    func apply(
      _ input: BundleInput, options: ApplyOptions? = nil, events: BundleFactory.Events = .init()
    ) throws -> ApplyOutcome {
      try Executor.apply(
        input, policy: BundleFactory.policy, options: options ?? self.options(),
        report: events.report)
    }

    /// Asserts every host root holds exactly the files of `generation`.
    func expectHosts(atGeneration generation: Int, _ hosts: [String]? = nil) {
      for host in hosts ?? BundleFactory.hosts.map(\.name) {
        #expect(
          BundleFactory.tree(driver.hostLink(host))
            == BundleFactory.expectedTree(host, generation: generation),
          "\(host) is not on generation \(generation)")
      }
    }
  }

  static func failing(onHost host: String) -> RolloutPlan.HealthCheck {
    RolloutPlan.HealthCheck(
      name: "fails-on-\(host)", services: [], command: "test {host} != \(host)", script: nil,
      perWave: false)
  }

  @Test func appliesWaveByWaveAndSwitchesCurrent() throws {
    let setup = try Setup()
    let events = BundleFactory.Events()
    let first = try setup.apply(try BundleFactory.input(generation: 1, version: 1), events: events)
    #expect(first.status == .applied)
    #expect(first.waves == 4)
    setup.expectHosts(atGeneration: 1)
    let started = events.all.compactMap { event -> [String]? in
      if case .waveStarted(_, _, let hosts) = event { return hosts } else { return nil }
    }
    #expect(started == [["cmp01"], ["ctl01"], ["ctl02"], ["cmp02"]])
    let second = try setup.apply(try BundleFactory.input(generation: 2, version: 2))
    #expect(second.status == .applied)
    setup.expectHosts(atGeneration: 2)
    #expect(setup.state.current == second.digest)
    #expect(setup.state.previous == first.digest)
    #expect(try setup.state.applied()["prod"] == AppliedBundle(version: 2, sha256: second.digest))
    let secret = setup.driver.hostLink("ctl01") + "/rabbitmq/rabbitmq.conf"
    let mode = try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions]
    #expect((mode as? Int) == 0o600)
    let steps = try Journal(state: setup.state).records().filter { $0.digest == second.digest }
      .map(\.point)
    #expect(steps.first == "VERIFIED" && steps.dropFirst().first == "STAGED")
    #expect(steps.contains("SWITCHED:4") && steps.last == "HEALTHY")
    let run = try #require(
      try Journal(state: setup.state).records().last { $0.digest == second.digest }?.run)
    let log = setup.state.journalDirectory + "/\(run)/driver-wave2.log"
    let logged = String(decoding: DurableFiles.read(log) ?? [], as: UTF8.self)
    #expect(logged.hasPrefix("ctl01 | switched to \(second.digest.prefix(12)) (2 files)"))
    let again = try setup.apply(try BundleFactory.input(generation: 2, version: 2))
    #expect(again.status == .alreadyApplied)
  }

  @Test func failingHealthInWaveTwoRollsBackWavesOneAndTwo() throws {
    let setup = try Setup()
    try setup.apply(try BundleFactory.input(generation: 1, version: 1))
    let before = BundleFactory.snapshot(setup.state.path + "/applied.json")
    let plan = BundleFactory.plan(checks: [Self.failing(onHost: "ctl01")])
    let outcome = try setup.apply(try BundleFactory.input(generation: 2, version: 2, plan: plan))
    #expect(outcome.status == .rolledBack)
    #expect(outcome.failed == ["ctl01"])
    #expect(outcome.rolledBack == ["cmp01", "ctl01"])
    setup.expectHosts(atGeneration: 1)
    #expect(try setup.state.applied()["prod"]?.version == 1)
    #expect(BundleFactory.snapshot(setup.state.path + "/applied.json") == before)
    let last = try Journal(state: setup.state).records().last
    #expect(last?.step == .rolledBack)
    #expect(last?.hosts == ["cmp01", "ctl01"])
  }

  @Test func toleratedFailureLeavesOnlyThatHostOnThePreviousRelease() throws {
    let setup = try Setup()
    try setup.apply(try BundleFactory.input(generation: 1, version: 1))
    var plan = BundleFactory.plan(checks: [Self.failing(onHost: "cmp02")])
    plan.anyErrorsFatal = false
    plan.maxFailPercentage = 100
    let outcome = try setup.apply(try BundleFactory.input(generation: 2, version: 2, plan: plan))
    #expect(outcome.status == .applied)
    #expect(outcome.failed == ["cmp02"])
    setup.expectHosts(atGeneration: 2, ["cmp01", "ctl01", "ctl02"])
    setup.expectHosts(atGeneration: 1, ["cmp02"])
  }

  @Test func firstApplyThatFailsRemovesWhatItInstalled() throws {
    let setup = try Setup()
    let plan = BundleFactory.plan(checks: [Self.failing(onHost: "ctl01")])
    let outcome = try setup.apply(try BundleFactory.input(generation: 1, version: 1, plan: plan))
    #expect(outcome.status == .rolledBack)
    for host in ["cmp01", "ctl01"] {
      #expect(!DurableFiles.exists(setup.driver.hostLink(host)))
    }
    #expect(setup.state.current == nil)
  }

  @Test func rollbackOnDemandReturnsToThePreviousRelease() throws {
    let setup = try Setup()
    let first = try setup.apply(try BundleFactory.input(generation: 1, version: 1))
    try setup.apply(try BundleFactory.input(generation: 2, version: 2))
    let outcome = try Executor.rollBack(options: setup.options(), report: { _ in })
    #expect(outcome.status == .rolledBack)
    setup.expectHosts(atGeneration: 1)
    #expect(setup.state.current == first.digest)
    #expect(throws: ExecutorError.self) {
      try Executor.rollBack(options: setup.options(), report: { _ in })
    }
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var reason: BundleRejection.Reason
    var input: @Sendable () throws -> BundleInput
    var testDescription: String { name }
  }

  static let refusals: [Refusal] = [
    Refusal(name: "older bundle replayed", reason: .rollback) {
      try BundleFactory.input(generation: 3, version: 1)
    },
    Refusal(name: "staging bundle applied to prod", reason: .wrongEnvironment) {
      try BundleFactory.input(
        generation: 3, version: 9, plan: BundleFactory.plan(env: "staging"),
        signer: BundleFactory.stagingKey)
    },
    Refusal(name: "tampered archive", reason: .digestMismatch) {
      var input = try BundleFactory.input(generation: 3, version: 9)
      input.archive[700] ^= 1
      return input
    },
    Refusal(name: "untrusted signer", reason: .unknownKey) {
      try BundleFactory.input(generation: 3, version: 9, signer: SigningKey())
    },
  ]

  /// A refused bundle leaves the state directory and every host root byte-identical.
  @Test(arguments: refusals)
  func refusedBundleChangesNothing(_ refusal: Refusal) throws {
    let setup = try Setup()
    try setup.apply(try BundleFactory.input(generation: 2, version: 2))
    let state = BundleFactory.snapshot(setup.state.path)
    let hosts = BundleFactory.snapshot(setup.driver.root)
    #expect(throws: BundleRejection.self) { try setup.apply(try refusal.input()) }
    do {
      try setup.apply(try refusal.input())
    } catch let rejection as BundleRejection {
      #expect(rejection.reason == refusal.reason)
    }
    #expect(BundleFactory.snapshot(setup.state.path) == state)
    #expect(BundleFactory.snapshot(setup.driver.root) == hosts)
  }

  @Test func refusedFirstBundleCreatesNoStateDirectory() throws {
    let setup = try Setup()
    var input = try BundleFactory.input(generation: 1, version: 1)
    input.archive[600] ^= 1
    #expect(throws: BundleRejection.self) { try setup.apply(input) }
    #expect(!DurableFiles.exists(setup.state.path))
  }

  @Test func hangingDriverIsKilledAtItsTimeoutAndRolledBack() throws {
    let setup = try Setup()
    try setup.apply(try BundleFactory.input(generation: 1, version: 1))
    // Wave 1 (the canary cmp01) passes; wave 2 (ctl01) hangs until the driver timeout.
    let slow = CommandDriver(
      template: "case {hosts} in ctl01) sleep 60;; esac; true", layout: .hosts)
    let started = Date()
    let outcome = try setup.apply(
      try BundleFactory.input(generation: 2, version: 2),
      options: setup.options(timeout: 1, driver: slow))
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(outcome.status == .rolledBack)
    #expect(outcome.reason?.contains("killed after 1 s timeout") == true)
  }

  @Test func anotherExecutorHoldingTheLockIsRefused() throws {
    let setup = try Setup()
    try setup.state.prepare()
    let lock = try setup.state.lock()
    defer { withExtendedLifetime(lock) {} }
    do {
      try setup.apply(try BundleFactory.input(generation: 1, version: 1))
      Issue.record("applied while the lock was held")
    } catch let error as ExecutorError {
      #expect(error.kind == .locked)
    }
  }

  @Test func limitedRolloutTouchesOnlyTheNamedHostsAndGroups() throws {
    let setup = try Setup()
    try setup.apply(try BundleFactory.input(generation: 1, version: 1))
    let outcome = try setup.apply(
      try BundleFactory.input(generation: 2, version: 2), options: setup.options(limit: ["control"])
    )
    #expect(outcome.status == .applied)
    setup.expectHosts(atGeneration: 2, ["ctl01", "ctl02"])
    setup.expectHosts(atGeneration: 1, ["cmp01", "cmp02"])
  }
}
