import Foundation
import KilnBundle
import KilnModel

/// One run of the executor over one release: waves, health, rollback, commit. Every step is
/// journaled before the next begins.
struct Rollout {
  let options: ApplyOptions
  let journal: Journal
  let run: String
  let release: Release
  let previous: Release?
  let report: @Sendable (ApplyEvent) -> Void
  let started = Date()

  var runDirectory: String { options.state.journalDirectory + "/" + run }

  func record(
    _ step: JournalRecord.Step, wave: Int? = nil, hosts: [String]? = nil, failed: [String]? = nil,
    reason: String? = nil
  ) throws(ExecutorError) {
    try journal.append(
      JournalRecord(
        run: run, step: step, time: PolicyFacts.timestamp(Date()), digest: release.digest,
        env: release.facts.env, version: release.facts.version, previous: previous?.digest,
        wave: wave, hosts: hosts, failed: failed, reason: reason))
  }

  func context(_ label: String) -> DriverContext {
    DriverContext(
      runDirectory: runDirectory, label: label, timeout: options.driverTimeout,
      secrets: options.secrets, report: report)
  }

  /// Rolls `waves` out in order; a fatal wave rolls every changed host back.
  func perform(waves: [[String]]) throws(ExecutorError) -> ApplyOutcome {
    var touched: [String] = []
    var tolerated: [String] = []
    for (index, hosts) in waves.enumerated() {
      let wave = index + 1
      report(.waveStarted(wave: wave, of: waves.count, hosts: hosts))
      try record(.switching, wave: wave, hosts: hosts)
      touched += hosts
      var failed = try options.driver.install(
        release, hosts: hosts, context: context("wave\(wave)"))
      try record(.switched, wave: wave, hosts: hosts, failed: failed.keys.sorted())
      if options.skipHealth {
        report(.healthSkipped(wave: wave))
      } else {
        let healthy = hosts.filter { failed[$0] == nil }
        let checked = try HealthRunner(release: release, environment: options.healthEnvironment)
          .run(wave: String(wave), hosts: healthy, context: context("wave\(wave)"))
        failed.merge(checked) { first, _ in first }
      }
      let failedHosts = hosts.filter { failed[$0] != nil }
      for host in hosts {
        report(
          .hostFinished(host: host, succeeded: failed[host] == nil, detail: failed[host] ?? ""))
      }
      report(.waveFinished(wave: wave, failed: failedHosts))
      if WavePlanner.isFatal(failed: failedHosts.count, total: hosts.count, plan: release.plan) {
        let reason =
          "wave \(wave) failed on "
          + failedHosts.map { "\($0) (\(failed[$0] ?? ""))" }
          .joined(separator: ", ")
        return try rollBack(touched, failed: tolerated + failedHosts, reason: reason, waves: wave)
      }
      if !failedHosts.isEmpty {
        report(.rollingBack(hosts: failedHosts, reason: "within max_fail_percentage"))
        _ = try options.driver.install(previous, hosts: failedHosts, context: context("revert"))
        tolerated += failedHosts
      }
      try record(.waveHealthy, wave: wave, hosts: hosts, failed: failedHosts)
    }
    try record(.healthy, hosts: touched, failed: tolerated)
    try Recovery.commit(state: options.state, journal: journal)
    prune()
    let outcome = ApplyOutcome(
      status: .applied, digest: release.digest, waves: waves.count, failed: tolerated,
      rolledBack: tolerated, seconds: Date().timeIntervalSince(started))
    report(.finished(outcome: outcome))
    return outcome
  }

  /// Puts `hosts` back on the previous release, re-runs the driver and health for them.
  func rollBack(_ hosts: [String], failed: [String], reason: String, waves: Int)
    throws(ExecutorError) -> ApplyOutcome
  {
    report(.rollingBack(hosts: hosts, reason: reason))
    try record(.rollingBack, hosts: hosts, reason: reason)
    let stuck = try options.driver.install(previous, hosts: hosts, context: context("rollback"))
    if let previous, !options.skipHealth {
      let rolled = hosts.filter { stuck[$0] == nil && previous.contains(host: $0) }
      _ = try HealthRunner(release: previous, environment: options.healthEnvironment)
        .run(wave: "rollback", hosts: rolled, context: context("rollback"))
    }
    try record(.rolledBack, hosts: hosts, failed: stuck.keys.sorted(), reason: reason)
    try Recovery.commit(state: options.state, journal: journal)
    let outcome = ApplyOutcome(
      status: .rolledBack, digest: release.digest, waves: waves, failed: failed,
      rolledBack: hosts, reason: reason, seconds: Date().timeIntervalSince(started))
    report(.finished(outcome: outcome))
    return outcome
  }

  /// Removes releases beyond `keepReleases`, never the current or previous one.
  func prune() {
    let state = options.state
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: state.releasesDirectory)) ?? []
    let dated = names.filter { !$0.hasPrefix(".") }.map { name -> (String, Date) in
      let attributes = try? FileManager.default.attributesOfItem(
        atPath: state.releaseDirectory(name))
      return (name, attributes?[.modificationDate] as? Date ?? .distantPast)
    }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }
    var keep = Set([state.current, state.previous].compactMap { $0 })
    for (name, _) in dated where keep.count < max(options.keepReleases, 2) { keep.insert(name) }
    for (name, _) in dated where !keep.contains(name) {
      try? DurableFiles.removeTree(state.releaseDirectory(name))
    }
    // Staging directories an interrupted run left behind (the lock is held: none is in use).
    for name in names where name.hasPrefix(".") {
      try? DurableFiles.removeTree(state.releaseDirectory(name))
    }
    options.driver.prune(keeping: keep)
  }
}
