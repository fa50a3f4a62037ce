import Foundation
import KilnDiagnostics
import KilnModel
import Testing

@testable import KilnBundle

/// `rollout:` is resolved at seal time into `rollout.json` plus the health scripts it names.
struct RolloutPlanTests {
  @Test func sealedExampleCarriesItsRolloutPlanAndHealthScripts() async throws {
    let fixture = try RepositoryFixture.make()
    let bundle = try await BundleSealer.seal(
      repositoryPath: fixture.repository, options: SealTests.options(), key: Fixtures.releaseA)
    let verified = try BundleVerifier(policy: Fixtures.policy).verify(
      Fixtures.input(archive: bundle.archive, facts: bundle.facts))
    let plan = try #require(try RolloutPlan.read(from: verified.entries))
    #expect(plan.env == "prod")
    #expect(plan.canary == ["cmp01"])
    #expect(plan.batch == [.percent(25)])
    #expect(plan.order == ["control", "monitoring", "compute"])
    #expect(plan.anyErrorsFatal && plan.maxFailPercentage == 0)
    #expect(plan.hosts.count == 9)
    #expect(plan.hosts.first { $0.name == "ctl01" }?.groups.contains("control") == true)
    #expect(
      plan.health.checks.map(\.name) == [
        "galera-cluster-size", "rabbitmq-cluster-status", "monasca-log-arrival",
      ])
    #expect(plan.health.checks[0].command == "sh {script} {host} {service}")
    #expect(plan.health.retries == 2 && plan.health.timeout == 120)
    let script = try #require(verified.entries.first { $0.path == "health/galera-cluster-size.sh" })
    #expect(script.mode == 0o755)
    #expect(String(decoding: script.contents, as: UTF8.self).contains("wsrep_cluster_size"))
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var rollout: String
    var fragment: String
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "unknown key", rollout: "  canary: [cmp01]\n  serial: 2\n", fragment: "one of canary"),
    Case(name: "bad batch", rollout: "  batch: \"a lot\"\n", fragment: "percentage"),
    Case(name: "unknown canary host", rollout: "  canary: [nohost]\n", fragment: "host or group"),
    Case(name: "unknown order group", rollout: "  order: [nogroup]\n", fragment: "group of the"),
    Case(
      name: "percentage above 100", rollout: "  max_fail_percentage: 120\n", fragment: "0 to 100"),
    Case(
      name: "check without command",
      rollout: "  health:\n    checks:\n      - {name: x}\n", fragment: "'command:' or 'script:'"),
    Case(
      name: "missing script",
      rollout: "  health:\n    checks:\n      - {name: x, script: nowhere/x.sh}\n",
      fragment: "does not exist"),
  ]

  /// A broken `rollout:` fails the seal with KLN604 located in env.yaml.
  @Test(arguments: cases)
  func brokenRolloutIsLocated(_ testCase: Case) async throws {
    let fixture = try RepositoryFixture.make()
    let path = fixture.repository + "/environments/prod/env.yaml"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    let prefix = try #require(original.components(separatedBy: "rollout:\n").first)
    try Data((prefix + "rollout:\n" + testCase.rollout).utf8).write(to: URL(fileURLWithPath: path))
    let commit = try ProcessRunner.run(
      ["git", "commit", "-q", "-am", "broken rollout"], in: fixture.repository,
      environment: RepositoryFixture.gitEnvironment)
    try #require(commit.status == 0, "\(commit.output)")
    let error = await #expect(throws: DiagnosticsError.self) {
      _ = try await BundleSealer.seal(
        repositoryPath: fixture.repository, options: SealTests.options(), key: Fixtures.releaseA)
    }
    let diagnostic = try #require(error?.diagnostics.first)
    #expect(diagnostic.id == RolloutPlanReader.invalidRollout)
    #expect(diagnostic.description.contains(testCase.fragment), "\(diagnostic)")
    #expect(diagnostic.location?.description.contains("environments/prod/env.yaml") == true)
  }
}
