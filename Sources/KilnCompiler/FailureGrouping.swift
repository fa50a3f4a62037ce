import Jinja
import KilnDiagnostics

/// Turns per-host render failures into one diagnostic per distinct problem, naming the hosts it
/// occurred on, so a typo in a template shared by 500 hosts is reported once.
public enum FailureGrouping {
  static func diagnostic(for error: any Error, file: SourceLocation) -> Diagnostic {
    switch error {
    case let error as JinjaError:
      return TemplateDiagnostics.diagnostic(error)
    case let error as Diagnostic:
      return error
    case let error as DiagnosticsError:
      return error.diagnostics.first
        ?? Diagnostic(id: "KLN209", message: "render failed", location: file)
    default:
      return Diagnostic(id: "KLN209", message: String(describing: error), location: file)
    }
  }

  /// One diagnostic per distinct problem, in first-seen order, its message naming the hosts.
  public static func group(_ failures: [(host: String, diagnostic: Diagnostic)]) -> [Diagnostic] {
    var order: [Diagnostic] = []
    var hosts: [Diagnostic: [String]] = [:]
    for (host, diagnostic) in failures {
      if hosts[diagnostic] == nil { order.append(diagnostic) }
      if hosts[diagnostic]?.last != host { hosts[diagnostic, default: []].append(host) }
    }
    return order.map { diagnostic in
      var grouped = diagnostic
      let affected = hosts[diagnostic] ?? []
      grouped.message +=
        affected.count == 1 ? " (host \(affected[0]))" : " (hosts \(HostList.compact(affected)))"
      return grouped
    }
  }
}
