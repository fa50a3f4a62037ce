import Foundation
import KilnBundle

/// Runs a release's health checks (`rollout.health:`) for a wave: each check per host that runs
/// one of its services (or once per wave), with timeout, retries and delay. The command gets
/// `{host}`, `{hosts}`, `{service}`, `{release}`, `{script}`, `{wave}` and the same values as
/// `KILN_HOST`, `KILN_HOSTS`, `KILN_SERVICE`, `KILN_RELEASE`, `KILN_WAVE`, `KILN_ENV` and
/// (copy driver) `KILN_ROOT`.
public struct HealthRunner: Sendable {
  /// The release whose checks run (its directory is the working directory).
  public let release: Release
  /// Extra environment for every check (`KILN_ROOT`).
  public let environment: [String: String]

  /// Creates a runner.
  public init(release: Release, environment: [String: String]) {
    self.release = release
    self.environment = environment
  }

  /// Runs every check for `hosts`; returns the failed hosts with the failing check's name.
  public func run(wave: String, hosts: [String], context: DriverContext) throws(ExecutorError)
    -> [String: String]
  {
    let health = release.plan.health
    var failed: [String: String] = [:]
    for check in health.checks {
      let targets = hosts.filter { host in
        check.services.isEmpty || !Set(check.services).isDisjoint(with: release.services(of: host))
      }
      guard !targets.isEmpty else { continue }
      let runs: [(prefix: String, host: String, hosts: [String])] =
        check.perWave
        ? [(context.label, targets[0], targets)] : targets.map { ($0, $0, [$0]) }
      for target in runs {
        let service =
          check.services.first { release.services(of: target.host).contains($0) } ?? ""
        let values = [
          ("host", target.host), ("hosts", target.hosts.joined(separator: ",")),
          ("service", service), ("release", release.directory),
          ("script", check.script.map { release.directory + "/" + $0 } ?? ""), ("wave", wave),
        ]
        var variables = environment
        for (name, value) in values { variables["KILN_" + name.uppercased()] = value }
        variables["KILN_ENV"] = release.facts.env
        let passed = try attempt(
          CommandRunner.expand(check.command, values), check: check.name, target: target.prefix,
          variables: variables, context: context)
        if !passed {
          for host in target.hosts where failed[host] == nil { failed[host] = check.name }
        }
      }
    }
    return failed
  }

  private func attempt(
    _ command: String, check: String, target: String, variables: [String: String],
    context: DriverContext
  ) throws(ExecutorError) -> Bool {
    let health = release.plan.health
    let runner = CommandRunner(environment: variables, directory: release.directory)
    let attempts = max(1, health.retries + 1)
    for number in 1...attempts {
      let outcome = try runner.run(
        command, timeout: health.timeout,
        log: context.runDirectory + "/health-\(context.label).log"
      ) { line in
        context.report(.output(prefix: target, line: "[\(check)] \(line)"))
      }
      if outcome.succeeded {
        context.report(.health(check: check, target: target, succeeded: true, attempts: number))
        return true
      }
      if number < attempts { Thread.sleep(forTimeInterval: health.delay) }
    }
    context.report(.health(check: check, target: target, succeeded: false, attempts: attempts))
    return false
  }
}
