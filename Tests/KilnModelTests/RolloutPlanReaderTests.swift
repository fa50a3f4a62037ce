import KilnModel
import Testing

/// `rollout:` of the example's env.yaml reads into the plan `kiln apply` and `kiln diff` share.
struct RolloutPlanReaderTests {
  @Test func prodRolloutReadsWithGroupsAndScripts() throws {
    let prod = try ExampleRepositoryTests.load().resolve(
      environment: "prod", engine: Fixture.engine)
    let rollout = try RolloutPlanReader.read(for: prod)
    #expect(rollout.plan.env == "prod")
    #expect(rollout.plan.hosts.map(\.name) == prod.hosts)
    #expect(rollout.plan.hosts.first { $0.name == "mon01" }?.groups.contains("monitoring") == true)
    #expect(rollout.plan.canary == ["cmp01"])
    #expect(rollout.plan.batch == [.percent(25)])
    #expect(rollout.plan.order == ["control", "monitoring", "compute"])
    #expect(
      rollout.scripts.map(\.archivePath) == [
        "health/galera-cluster-size.sh", "health/rabbitmq-cluster-status.sh",
        "health/monasca-log-arrival.sh",
      ])
    #expect(rollout.scripts[0].source == "environments/prod/health/galera-cluster-size.sh")
    #expect(rollout.scripts[0].location.description.contains("environments/prod/env.yaml"))
    #expect(
      WavePlanner.waves(for: rollout.plan) == [
        ["cmp01"], ["ctl01", "ctl02"], ["ctl03"], ["mon01", "mon02"], ["cmp02", "cmp03"],
        ["cmp04"],
      ])
  }

  @Test func stagingRolloutReadsAsWritten() throws {
    let staging = try ExampleRepositoryTests.load().resolve(
      environment: "staging", engine: Fixture.engine)
    let rollout = try RolloutPlanReader.read(for: staging)
    #expect(rollout.plan.canary == ["stg-cmp01"])
    #expect(rollout.plan.batch == [.percent(50)])
    #expect(rollout.plan.maxFailPercentage == 50 && !rollout.plan.anyErrorsFatal)
    #expect(rollout.scripts.isEmpty)
  }
}
