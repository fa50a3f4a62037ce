import KilnDiagnostics

/// A finding of a multi-environment run: the diagnostic and the environments it occurred in.
public struct CheckFinding: Sendable, Hashable {
  /// The finding.
  public var diagnostic: Diagnostic
  /// The environments whose check reported it, in run order.
  public var environments: [String]

  /// The findings of `reports`, identical ones merged, sorted for output.
  public static func merge(_ reports: [CheckReport]) -> [CheckFinding] {
    var order: [Diagnostic] = []
    var environments: [Diagnostic: [String]] = [:]
    for report in reports {
      for diagnostic in report.findings {
        if environments[diagnostic] == nil { order.append(diagnostic) }
        environments[diagnostic, default: []].append(report.environment)
      }
    }
    return order.sortedForOutput().map {
      CheckFinding(diagnostic: $0, environments: environments[$0] ?? [])
    }
  }
}

/// The output formats of `kiln check`.
public enum CheckOutputFormat: String, Sendable, CaseIterable {
  /// Grouped by file with the source line and a caret.
  case text
  /// One JSON document.
  case json
  /// GitHub Actions workflow commands (annotations).
  case github
  /// SARIF 2.1.0.
  case sarif
}
