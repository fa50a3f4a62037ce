import Foundation
import KilnExecutor

#if canImport(Glibc)
  import Glibc
#endif

/// Shows `kiln apply` progress: a live status line on a terminal, plain lines otherwise, or one
/// JSON object per event (`--json`) for pipelines.
final class ApplyProgress: @unchecked Sendable {
  enum Mode {
    case live, plain, json
  }

  /// Whether standard output is a terminal.
  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  private let mode: Mode
  private let lock = NSLock()
  private let started = Date()
  private var wave = 0
  private var waves = 0
  private var done = 0
  private var failed = 0
  private var statusShown = false

  init(mode: Mode) { self.mode = mode }

  /// Prints a warning that must not be missed.
  func warn(_ text: String) {
    lock.withLock {
      clearStatus()
      Terminal.error("warning: \(text)")
    }
  }

  /// Renders one event.
  func show(_ event: ApplyEvent) {
    lock.withLock {
      if mode == .json {
        Terminal.output(ApplyEventJSON.line(event, elapsed: elapsed))
        return
      }
      count(event)
      clearStatus()
      if let text = Self.text(event) { Terminal.output(text) }
      if mode == .live { drawStatus() }
    }
  }

  /// Removes the status line before the command's last words.
  func end() {
    lock.withLock { clearStatus() }
  }

  private var elapsed: Double { Date().timeIntervalSince(started) }

  private func count(_ event: ApplyEvent) {
    switch event {
    case .waveStarted(let number, let total, _):
      wave = number
      waves = total
    case .hostFinished(_, let succeeded, _):
      if succeeded { done += 1 } else { failed += 1 }
    default: break
    }
  }

  private func drawStatus() {
    guard waves > 0 else { return }
    let line = String(
      format: "wave %d/%d · %d hosts done, %d failed · %.1f s", wave, waves, done, failed, elapsed)
    FileHandle.standardOutput.write(Data("\u{1B}[7m\(line)\u{1B}[0m".utf8))
    statusShown = true
  }

  private func clearStatus() {
    guard statusShown else { return }
    FileHandle.standardOutput.write(Data("\r\u{1B}[K".utf8))
    statusShown = false
  }

  /// The plain text of an event, or nil for events only the status line shows.
  static func text(_ event: ApplyEvent) -> String? {
    switch event {
    case .verified(let env, let version, let digest, let signers):
      return "verified: env \(env), version \(version), sha256 \(digest.prefix(16))…, signed by "
        + signers.joined(separator: ", ")
    case .recovering(let run, let action):
      return "recovering interrupted run \(run): \(action)"
    case .staged(let digest, let files):
      return "staged: releases/\(digest.prefix(16))… (\(files) files)"
    case .waveStarted(let wave, let total, let hosts):
      return "wave \(wave)/\(total): " + hosts.joined(separator: " ")
    case .output(let prefix, let line):
      return "  \(prefix) | \(line)"
    case .hostFinished(let host, let succeeded, let detail):
      return succeeded ? nil : "  \(host) FAILED: \(detail)"
    case .health(let check, let target, let succeeded, let attempts):
      return "  \(target) | health \(check): \(succeeded ? "ok" : "FAILED") "
        + "(\(attempts) attempt\(attempts == 1 ? "" : "s"))"
    case .waveFinished(let wave, let failed):
      return failed.isEmpty
        ? "wave \(wave): healthy" : "wave \(wave): failed on \(failed.joined(separator: ", "))"
    case .healthSkipped(let wave):
      return "wave \(wave): HEALTH CHECKS SKIPPED (--skip-health)"
    case .rollingBack(let hosts, let reason):
      return "rolling back \(hosts.joined(separator: " ")): \(reason)"
    case .finished(let outcome):
      return summary(outcome)
    }
  }

  private static func summary(_ outcome: ApplyOutcome) -> String {
    let digest = outcome.digest.prefix(16)
    switch outcome.status {
    case .applied:
      return String(
        format: "applied %@… in %d waves, %.2f s", String(digest), outcome.waves, outcome.seconds)
        + (outcome.failed.isEmpty
          ? ""
          : "; left on the previous release: "
            + outcome.failed.joined(separator: ", "))
    case .alreadyApplied:
      return "already applied: \(digest)… is the current release; nothing to do"
    case .dryRun:
      return "dry run: \(outcome.waves) waves, nothing changed"
    case .rolledBack:
      return "ROLLED BACK \(outcome.rolledBack.joined(separator: " ")) to the previous release: "
        + (outcome.reason ?? "")
    }
  }
}
