import Foundation
import KilnExecutor
import KilnFormats

/// `kiln apply --json`: one JSON object per event, keys in a fixed order.
enum ApplyEventJSON {
  /// The event as one line of JSON.
  static func line(_ event: ApplyEvent, elapsed: Double) -> String {
    var fields: [(String, String)] = [
      ("event", quote(event.name)), ("elapsed", String(format: "%.3f", elapsed)),
    ]
    fields += Self.fields(event)
    return "{" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  private static func quote(_ text: String) -> String { JSONWriter.quoted(text) }

  private static func strings(_ values: [String]) -> String {
    "[" + values.map { quote($0) }.joined(separator: ",") + "]"
  }

  private static func fields(_ event: ApplyEvent) -> [(String, String)] {
    switch event {
    case .verified(let env, let version, let digest, let signers):
      return [
        ("env", quote(env)), ("version", String(version)),
        ("digest", quote(digest)), ("signers", strings(signers)),
      ]
    case .recovering(let run, let action):
      return [("run", quote(run)), ("action", quote(action))]
    case .staged(let digest, let files):
      return [("digest", quote(digest)), ("files", String(files))]
    case .waveStarted(let wave, let total, let hosts):
      return [("wave", String(wave)), ("waves", String(total)), ("hosts", strings(hosts))]
    case .output(let prefix, let line):
      return [("prefix", quote(prefix)), ("line", quote(line))]
    case .hostFinished(let host, let succeeded, let detail):
      return [
        ("host", quote(host)), ("ok", succeeded ? "true" : "false"),
        ("detail", quote(detail)),
      ]
    case .health(let check, let target, let succeeded, let attempts):
      return [
        ("check", quote(check)), ("target", quote(target)),
        ("ok", succeeded ? "true" : "false"), ("attempts", String(attempts)),
      ]
    case .waveFinished(let wave, let failed):
      return [("wave", String(wave)), ("failed", strings(failed))]
    case .healthSkipped(let wave):
      return [("wave", String(wave))]
    case .rollingBack(let hosts, let reason):
      return [("hosts", strings(hosts)), ("reason", quote(reason))]
    case .finished(let outcome):
      return [
        ("status", quote(outcome.status.rawValue)),
        ("digest", quote(outcome.digest)), ("waves", String(outcome.waves)),
        ("failed", strings(outcome.failed)), ("rolled_back", strings(outcome.rolledBack)),
        ("reason", outcome.reason.map { quote($0) } ?? "null"),
        ("seconds", String(format: "%.3f", outcome.seconds)),
      ]
    }
  }
}
