import Foundation
import KilnBundle

/// Brings the state directory in line with its journal after a crash: the journal is the truth,
/// the `current`/`previous` links and `applied.json` are derived from its last ended run.
enum Recovery {
  /// Derives `current`, `previous` and (after HEALTHY) `applied.json` from the last ended run.
  static func commit(state: StateDirectory, journal: Journal) throws(ExecutorError) {
    let records = try journal.records()
    guard let last = records.last(where: { $0.step.isTerminal }) else { return }
    let healthy = records.filter { $0.step == .healthy }
    switch last.step {
    case .healthy:
      try state.point(state.previousLink, at: last.previous)
      try state.point(state.currentLink, at: last.digest)
      let applied = AppliedBundle(version: last.version, sha256: last.digest)
      if try state.applied()[last.env] != applied {
        try state.recordApplied(applied, env: last.env)
      }
    default:
      // Hosts went back to `previous`; the link before it is that release's own previous.
      let before = last.previous.flatMap { target in
        healthy.last { $0.digest == target }?.previous
      }
      try state.point(state.currentLink, at: last.previous)
      try state.point(state.previousLink, at: before)
    }
  }

  /// Rolls back the hosts an interrupted run may have switched, records ROLLED_BACK for it and
  /// commits; returns the hosts it switched back.
  static func rollBack(
    _ records: [JournalRecord], options: ApplyOptions, journal: Journal,
    report: @escaping @Sendable (ApplyEvent) -> Void
  ) throws(ExecutorError) -> [String] {
    guard let first = records.first else { return [] }
    var touched: [String] = []
    for record in records where record.step == .switching || record.step == .rollingBack {
      for host in record.hosts ?? [] where !touched.contains(host) { touched.append(host) }
    }
    report(.recovering(run: first.run, action: "roll back \(touched.count) hosts"))
    let reason = "interrupted run \(first.run) recovered"
    guard !touched.isEmpty else {
      var ended = first
      ended.step = .rolledBack
      ended.time = PolicyFacts.timestamp(Date())
      ended.reason = reason
      try journal.append(ended)
      try commit(state: options.state, journal: journal)
      return []
    }
    let release = try Release.open(first.digest, in: options.state)
    let previous = try first.previous.map { (digest) throws(ExecutorError) in
      try Release.open(digest, in: options.state)
    }
    let rollout = Rollout(
      options: options, journal: journal, run: first.run, release: release, previous: previous,
      report: { event in if case .finished = event { return } else { report(event) } })
    _ = try rollout.rollBack(touched, failed: [], reason: reason, waves: 0)
    return touched
  }
}
