import Foundation
import KilnTestSupport
import Testing

/// `kiln diff` reports the waves `kiln apply` runs: both come from one planner, so a change's
/// waves in the diff are exactly the apply waves of its hosts.
@Suite(.serialized)
struct WavesAgreementTests {
  static let envPath = "environments/prod/env.yaml"

  /// A group as canary, a percentage that does not divide the 9 hosts, and `order:` groups
  /// that leave monitoring to the canary: the diff's former estimate (canary hosts only,
  /// rounding the batch up, batches spanning groups) put these hosts in other waves.
  static let rollout = """
    rollout:
      canary: [monitoring]
      batch: "30%"
      order: [compute, control]

    """

  /// The waves `kiln apply` runs for `rollout`: the canary group, then 30% of 9 = 2 hosts per
  /// wave, never mixing compute and control.
  static let applyWaves = [
    ["mon01", "mon02"], ["cmp01", "cmp02"], ["cmp03", "cmp04"], ["ctl01", "ctl02"], ["ctl03"],
  ]

  @Test func diffReportsTheWavesApplyRuns() throws {
    let fixture = try ExampleFixture(label: "waves")
    defer { fixture.remove() }
    let work = try TemporaryDirectory.make("waves-work")
    defer { try? FileManager.default.removeItem(at: work) }
    let original = try fixture.read(Self.envPath)
    let prefix = try #require(original.components(separatedBy: "rollout:\n").first)
    try fixture.write(Self.envPath, prefix + Self.rollout)
    try shell("git commit -qam 'rollout: canary group, 30%, order'", in: fixture.root)
    let allVars = "environments/prod/group_vars/all.yaml"
    try fixture.write(allVars, try fixture.read(allVars) + "fluentd_syslog_port: 5141\n")
    try shell("git commit -qam 'syslog on another port on every host'", in: fixture.root)

    let applied = try Self.dryRunWaves(fixture, work: work)
    #expect(applied == Self.applyWaves)
    var applyWave: [String: Int] = [:]
    for (index, hosts) in applied.enumerated() {
      for host in hosts { applyWave[host] = index + 1 }
    }

    let changes = try Self.diffChanges(fixture)
    #expect(!changes.isEmpty)
    var hostsSeen: Set<String> = []
    for change in changes {
      let hosts = try #require(change["hosts"] as? [String])
      let waves = try #require(change["waves"] as? [Int])
      hostsSeen.formUnion(hosts)
      let expected = Set(hosts.compactMap { applyWave[$0] }).sorted()
      #expect(waves == expected, "\(change["path"] ?? "?") on \(hosts)")
    }
    #expect(hostsSeen == Set(applyWave.keys))
    for (host, wave) in applyWave.sorted(by: { $0.key < $1.key }) {
      let hostChanges = try Self.diffChanges(fixture, "--host", host)
      #expect(!hostChanges.isEmpty, "\(host)")
      for change in hostChanges {
        #expect(change["hosts"] as? [String] == [host])
        #expect(change["waves"] as? [Int] == [wave], "\(host): \(change["path"] ?? "?")")
      }
    }
  }

  /// The waves of `kiln apply --dry-run --json` for prod sealed at HEAD.
  static func dryRunWaves(_ fixture: ExampleFixture, work: URL) throws -> [[String]] {
    try require(try fixture.kiln("keygen", "--out", "\(work.path)/release"))
    let key = try String(contentsOf: work.appendingPathComponent("release.pub"), encoding: .utf8)
      .split(separator: "\n")[1]
    let policy =
      "keys:\n  - {name: release, public: \"\(key)\", envs: [prod]}\n"
      + "thresholds: {prod: 1}\n"
    try Data(policy.utf8).write(to: work.appendingPathComponent("trust.yaml"))
    try require(
      try fixture.kiln(
        "seal", "--env", "prod", "--rev", "HEAD", "--key", "\(work.path)/release.key",
        "--version", "1", "--out", "\(work.path)/prod.kiln"))
    let result = try fixture.kiln(
      "apply", "\(work.path)/prod.kiln", "--trust", "\(work.path)/trust.yaml", "--identity",
      ApplyFixture.identity, "--state", "\(work.path)/state", "--driver", "copy", "--root",
      "\(work.path)/hosts", "--dry-run", "--json")
    try require(result)
    let events = result.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    return events.filter { $0["event"] as? String == "wave_started" }.compactMap {
      $0["hosts"] as? [String]
    }
  }

  /// The prod changes of `kiln diff --format json` between the last two commits.
  static func diffChanges(_ fixture: ExampleFixture, _ extra: String...) throws
    -> [[String: Any]]
  {
    let result = try KilnProcess.run(
      ["diff", "--env", "prod", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"]
        + ["--no-cache"] + extra, in: fixture.root)
    try require(result)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let environment = try #require((root["environments"] as? [[String: Any]])?.first)
    return try #require(environment["changes"] as? [[String: Any]])
  }

  static func require(
    _ result: KilnProcess.Result, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try #require(
      result.exitCode == 0, "\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
  }
}
