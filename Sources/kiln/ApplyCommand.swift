import ArgumentParser
import Foundation
import KilnBundle
import KilnExecutor

/// `kiln apply`: verify a bundle, then roll it out in waves with health checks and rollback.
struct ApplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "apply",
    abstract: "Verify a bundle and roll it out in waves, with health checks and rollback.",
    discussion: """
      Verifies BUNDLE (as `kiln verify`, plus anti-rollback against --state), stages it under \
      DIR/releases/<digest>/, installs it wave by wave with the driver (copy: ROOT/<host> \
      symlinks; kolla: kolla-ansible reconfigure; or any command template with {hosts} \
      {services} {release} {config} {host}), runs the bundle's health checks after each wave \
      and rolls changed hosts back when a wave fails. An interrupted earlier run is resumed \
      (same bundle) or rolled back first. Exit 0 applied (or rolled back on request), 1 a \
      failed wave was rolled back, 2 usage or I/O error, 3 verification failure.
      """)

  @Argument(help: "The bundle file (NAME.kiln); not needed with --rollback.")
  var bundle: String?

  @Option(name: .customLong("trust"), help: "The trust policy (YAML).")
  var trust: String?

  @Option(name: .customLong("state"), help: "The executor's state directory.")
  var state: String

  @Option(name: .customLong("env"), help: "Require the bundle to be for this environment.")
  var environment: String?

  @Option(name: .customLong("driver"), help: "copy, kolla, or a command template.")
  var driver: String = "kolla"

  @Option(name: .customLong("root"), help: "copy driver: the directory of host roots.")
  var root: String?

  @Option(name: .customLong("inventory"), help: "kolla driver: the kolla-ansible inventory.")
  var inventory: String?

  @Option(name: .customLong("hosts"), help: "Limit the rollout to hosts or groups (repeatable).")
  var hosts: [String] = []

  @Option(name: .customLong("identity"), help: "age identity file that decrypts the secrets.")
  var identity: String?

  @Option(name: .customLong("keep"), help: "Releases kept in the state directory.")
  var keep: Int = 3

  @Option(name: .customLong("driver-timeout"), help: "Seconds a driver command may run.")
  var driverTimeout: Double = 1800

  @Flag(name: .customLong("dry-run"), help: "Verify and print the waves; change nothing.")
  var dryRun = false

  @Flag(name: .customLong("skip-health"), help: "Do not run health checks (not recommended).")
  var skipHealth = false

  @Flag(name: .customLong("rollback"), help: "Switch every host back to the previous release.")
  var rollback = false

  @Flag(name: .customLong("json"), help: "Print one JSON event per line.")
  var json = false

  func validate() throws {
    if !rollback && (bundle == nil || trust == nil) {
      throw ValidationError("give BUNDLE and --trust FILE (or --rollback)")
    }
    if driver == "copy" && root == nil { throw ValidationError("--driver copy needs --root DIR") }
    if driver == "kolla" && inventory == nil && !dryRun && !rollback {
      throw ValidationError("--driver kolla needs --inventory FILE")
    }
    if keep < 2 { throw ValidationError("--keep must be at least 2 (current and previous)") }
  }

  func run() throws {
    let progress = ApplyProgress(mode: json ? .json : (ApplyProgress.isTerminal ? .live : .plain))
    if skipHealth { progress.warn("--skip-health: HEALTH CHECKS ARE SKIPPED for every wave") }
    let report: @Sendable (ApplyEvent) -> Void = { progress.show($0) }
    let outcome: ApplyOutcome
    do {
      let options = try makeOptions()
      if rollback {
        outcome = try Executor.rollBack(options: options, report: report)
      } else {
        outcome = try applyBundle(options: options, report: report)
      }
    } catch let rejection as BundleRejection {
      progress.end()
      Terminal.error(rejection.description)
      throw KilnExit(code: 3)
    } catch let error as ExecutorError {
      progress.end()
      Terminal.error(error.description)
      throw KilnExit(code: 2)
    }
    progress.end()
    if outcome.status == .rolledBack && !rollback { throw KilnExit(code: 1) }
  }

  private func applyBundle(options: ApplyOptions, report: @escaping @Sendable (ApplyEvent) -> Void)
    throws -> ApplyOutcome
  {
    let trustPath = trust ?? ""
    guard let policyData = FileManager.default.contents(atPath: trustPath) else {
      throw ValidationError("--trust \(trustPath): cannot read the file")
    }
    let policy = try TrustPolicy(yaml: Array(policyData), file: trustPath)
    let path = bundle ?? ""
    guard FileManager.default.fileExists(atPath: path) else {
      throw ValidationError("\(path): no such bundle file")
    }
    let input = try BundleFiles.read(path, limit: policy.maxBundleBytes)
    return try Executor.apply(input, policy: policy, options: options, report: report)
  }

  private func makeOptions() throws -> ApplyOptions {
    let installer: any Driver
    var healthEnvironment: [String: String] = [:]
    switch driver {
    case "copy":
      let copy = CopyDriver(root: root ?? "")
      installer = copy
      healthEnvironment["KILN_ROOT"] = copy.root
    case "kolla":
      installer = CommandDriver(
        template: CommandDriver.kollaCommand, layout: .kolla, inventory: inventory ?? "")
    default:
      installer = CommandDriver(template: driver, layout: .hosts, inventory: inventory ?? "")
    }
    return ApplyOptions(
      state: StateDirectory(path: state), driver: installer, expectedEnvironment: environment,
      limit: hosts.flatMap { $0.split(separator: ",").map(String.init) }, dryRun: dryRun,
      skipHealth: skipHealth, keepReleases: keep, driverTimeout: driverTimeout,
      secrets: try ApplySecrets.resolver(identityPath: identity),
      healthEnvironment: healthEnvironment,
      crashAfter: ProcessInfo.processInfo.environment["KILN_APPLY_CRASH_AFTER"])
  }
}
