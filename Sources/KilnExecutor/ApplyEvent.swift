/// What `kiln apply` reports while it runs; the command line renders these as a live display,
/// plain lines or JSON events.
public enum ApplyEvent: Sendable, Hashable {
  /// The bundle verified.
  case verified(env: String, version: UInt64, digest: String, signers: [String])
  /// An unfinished earlier run was found and is resumed or rolled back.
  case recovering(run: String, action: String)
  /// The release is staged.
  case staged(digest: String, files: Int)
  /// A wave begins.
  case waveStarted(wave: Int, of: Int, hosts: [String])
  /// A line of driver or health output, prefixed with the host (or wave) it belongs to.
  case output(prefix: String, line: String)
  /// A host finished a wave step.
  case hostFinished(host: String, succeeded: Bool, detail: String)
  /// A health check finished for a host (or the wave).
  case health(check: String, target: String, succeeded: Bool, attempts: Int)
  /// A wave ended.
  case waveFinished(wave: Int, failed: [String])
  /// Health checks are skipped (`--skip-health`).
  case healthSkipped(wave: Int)
  /// Hosts are being switched back to the previous release.
  case rollingBack(hosts: [String], reason: String)
  /// The run ended.
  case finished(outcome: ApplyOutcome)

  /// The event's name in `--json` output.
  public var name: String {
    switch self {
    case .verified: "verified"
    case .recovering: "recovering"
    case .staged: "staged"
    case .waveStarted: "wave_started"
    case .output: "output"
    case .hostFinished: "host_finished"
    case .health: "health"
    case .waveFinished: "wave_finished"
    case .healthSkipped: "health_skipped"
    case .rollingBack: "rolling_back"
    case .finished: "finished"
    }
  }
}

/// How a run ended.
public struct ApplyOutcome: Sendable, Hashable {
  /// The possible ends.
  public enum Status: String, Sendable, Hashable {
    /// Every wave healthy; the release is current.
    case applied
    /// The release was already current; nothing changed.
    case alreadyApplied = "already_applied"
    /// A wave failed; changed hosts are back on the previous release.
    case rolledBack = "rolled_back"
    /// Nothing was changed (`--dry-run`).
    case dryRun = "dry_run"
  }

  /// How it ended.
  public var status: Status
  /// The release the run applied (or rolled back from).
  public var digest: String
  /// Waves completed.
  public var waves: Int
  /// Hosts that failed (and were rolled back).
  public var failed: [String]
  /// Hosts switched back to the previous release.
  public var rolledBack: [String]
  /// Why the run rolled back.
  public var reason: String?
  /// Seconds the run took.
  public var seconds: Double

  /// Creates an outcome.
  public init(
    status: Status, digest: String, waves: Int, failed: [String] = [], rolledBack: [String] = [],
    reason: String? = nil, seconds: Double = 0
  ) {
    self.status = status
    self.digest = digest
    self.waves = waves
    self.failed = failed
    self.rolledBack = rolledBack
    self.reason = reason
    self.seconds = seconds
  }
}
