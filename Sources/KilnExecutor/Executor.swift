import Foundation
import KilnBundle
import KilnModel
import KilnSecrets

/// `kiln apply` (design §7): verify, then stage, roll out in waves with health checks, roll back
/// on failure, and recover from an interrupted earlier run.
public enum Executor {
  /// Verifies `input` against `policy` and the state's anti-rollback record, then applies it.
  /// Throws `BundleRejection` (nothing on disk changed) or `ExecutorError`.
  public static func apply(
    _ input: BundleInput, policy: TrustPolicy, options: ApplyOptions,
    report: @escaping @Sendable (ApplyEvent) -> Void
  ) throws -> ApplyOutcome {
    let state = options.state
    var verifier = BundleVerifier(
      policy: policy, expectedEnvironment: options.expectedEnvironment ?? currentEnvironment(state),
      now: options.now)
    verifier.appliedByEnvironment = try state.applied()
    let verified = try verifier.verify(input)
    report(
      .verified(
        env: verified.facts.env, version: verified.facts.version, digest: verified.sha256,
        signers: verified.signers))
    try checkSecrets(verified, options: options)
    if options.dryRun { return try plan(verified, options: options, report: report) }
    let (lock, journal) = try takeOver(options)
    defer { withExtendedLifetime(lock) {} }
    var resumedPrevious: String??
    if let unfinished = try journal.unfinishedRun(), let first = unfinished.first {
      if first.digest == verified.sha256 {
        report(.recovering(run: first.run, action: "resume"))
        resumedPrevious = .some(first.previous)
      } else {
        _ = try Recovery.rollBack(unfinished, options: options, journal: journal, report: report)
      }
    }
    let applied = try state.applied()
    if applied != verifier.appliedByEnvironment {
      verifier.appliedByEnvironment = applied
      _ = try verifier.verify(input)
    }
    if resumedPrevious == nil, state.current == verified.sha256 {
      let outcome = ApplyOutcome(status: .alreadyApplied, digest: verified.sha256, waves: 0)
      report(.finished(outcome: outcome))
      return outcome
    }
    return try rollOut(
      verified, previous: resumedPrevious ?? state.current, options: options, journal: journal,
      report: report)
  }

  private static func rollOut(
    _ verified: VerifiedBundle, previous: String?, options: ApplyOptions, journal: Journal,
    report: @escaping @Sendable (ApplyEvent) -> Void
  ) throws(ExecutorError) -> ApplyOutcome {
    let state = options.state
    let run = UUID().uuidString.lowercased()
    let previousRelease = try previous.map { (digest) throws(ExecutorError) in
      try Release.open(digest, in: state)
    }
    let verifiedRecord = JournalRecord(
      run: run, step: .verified, time: PolicyFacts.timestamp(Date()), digest: verified.sha256,
      env: verified.facts.env, version: verified.facts.version, previous: previous)
    try journal.append(verifiedRecord)
    try DurableFiles.makeDirectory(state.journalDirectory + "/" + run)
    let release = try Release.stage(verified, in: state)
    report(.staged(digest: release.digest, files: release.manifest.files.count))
    let rollout = Rollout(
      options: options, journal: journal, run: run, release: release, previous: previousRelease,
      report: report)
    try rollout.record(.staged)
    return try rollout.perform(waves: try waves(release.plan, limit: options.limit))
  }

  /// Switches every host of the current release back to the previous one (`--rollback`).
  public static func rollBack(
    options: ApplyOptions, report: @escaping @Sendable (ApplyEvent) -> Void
  )
    throws(ExecutorError) -> ApplyOutcome
  {
    let state = options.state
    let (lock, journal) = try takeOver(options)
    defer { withExtendedLifetime(lock) {} }
    if let unfinished = try journal.unfinishedRun(), let first = unfinished.first {
      let hosts = try Recovery.rollBack(
        unfinished, options: options, journal: journal, report: report)
      let outcome = ApplyOutcome(
        status: .rolledBack, digest: first.digest, waves: 0, rolledBack: hosts,
        reason: "interrupted run \(first.run) rolled back")
      report(.finished(outcome: outcome))
      return outcome
    }
    guard let current = state.current, let previous = state.previous else {
      throw ExecutorError(
        .usage, "nothing to roll back to: \(state.path) has no previous release",
        hint: "--rollback returns to the release applied before the current one")
    }
    let release = try Release.open(current, in: state)
    let run = UUID().uuidString.lowercased()
    try DurableFiles.makeDirectory(state.journalDirectory + "/" + run)
    let rollout = Rollout(
      options: options, journal: journal, run: run, release: release,
      previous: try Release.open(previous, in: state), report: report)
    let hosts = try waves(release.plan, limit: options.limit).flatMap { $0 }
    return try rollout.rollBack(hosts, failed: [], reason: "rollback requested", waves: 0)
  }

  /// Creates the state layout, takes the lock, repairs a torn journal tail and re-derives the
  /// links and anti-rollback state from the journal.
  private static func takeOver(_ options: ApplyOptions) throws(ExecutorError)
    -> (StateLock, Journal)
  {
    try options.state.prepare()
    let lock = try options.state.lock()
    let journal = Journal(state: options.state, crashAfter: options.crashAfter)
    try journal.repairTail()
    try Recovery.commit(state: options.state, journal: journal)
    return (lock, journal)
  }

  /// The waves for `plan`, limited to the hosts and groups in `limit`.
  static func waves(_ plan: RolloutPlan, limit: [String]) throws(ExecutorError) -> [[String]] {
    guard !limit.isEmpty else { return WavePlanner.waves(for: plan) }
    var selected: Set<String> = []
    for name in limit {
      let members = plan.hosts.filter { $0.name == name || $0.groups.contains(name) }
      guard !members.isEmpty else {
        throw ExecutorError(
          .usage, "--hosts \(name): no such host or group in the bundle's inventory",
          hint: "hosts: " + plan.hosts.map(\.name).joined(separator: ", "))
      }
      selected.formUnion(members.map(\.name))
    }
    return WavePlanner.waves(for: plan, selected: selected)
  }

  private static func plan(
    _ verified: VerifiedBundle, options: ApplyOptions,
    report: @escaping @Sendable (ApplyEvent) -> Void
  ) throws -> ApplyOutcome {
    let plan =
      try RolloutPlan.read(from: verified.entries)
      ?? RolloutPlan(env: verified.facts.env, hosts: [])
    let waves = try waves(plan, limit: options.limit)
    for (index, hosts) in waves.enumerated() {
      report(.waveStarted(wave: index + 1, of: waves.count, hosts: hosts))
    }
    let outcome = ApplyOutcome(status: .dryRun, digest: verified.sha256, waves: waves.count)
    report(.finished(outcome: outcome))
    return outcome
  }

  /// Refuses, before anything is written, a bundle whose files carry secret placeholders
  /// when no identity was given.
  private static func checkSecrets(_ verified: VerifiedBundle, options: ApplyOptions)
    throws(ExecutorError)
  {
    guard options.secrets == nil else { return }
    let secretPaths = Set(
      verified.manifest.files.filter(\.secret).map {
        BundleManifest.archivePath(host: $0.host, path: $0.path)
      })
    for entry in verified.entries where secretPaths.contains(entry.path) {
      guard let name = SecretPlaceholder.names(in: entry.contents).first else { continue }
      throw ExecutorError(
        .secrets,
        "\(entry.path) needs secret '\(name)' and no identity was given",
        hint: "pass --identity FILE (the age identity of the environment's secrets.executor)")
    }
  }

  private static func currentEnvironment(_ state: StateDirectory) -> String? {
    guard let current = state.current else { return nil }
    return try? Release.open(current, in: state).facts.env
  }
}
