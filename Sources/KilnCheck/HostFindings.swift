import KilnCompiler
import KilnDiagnostics

/// Collects per-host findings and reports each distinct one once, naming its hosts; related
/// notes that differ per host (rendered lines) are taken from the first host.
struct HostFindings {
  private var entries: [(host: String, diagnostic: Diagnostic)] = []
  private var order: [Diagnostic] = []
  private var related: [Diagnostic: [RelatedLocation]] = [:]

  /// Adds `diagnostic` found on `host`, with host-specific `notes`.
  mutating func add(_ diagnostic: Diagnostic, host: String, notes: [RelatedLocation] = []) {
    if related[diagnostic] == nil {
      order.append(diagnostic)
      related[diagnostic] = notes
    }
    entries.append((host, diagnostic))
  }

  /// One diagnostic per distinct finding, in first-seen order.
  func grouped() -> [Diagnostic] {
    zip(order, FailureGrouping.group(entries)).map { original, grouped in
      var result = grouped
      result.related = (related[original] ?? []) + original.related
      return result
    }
  }
}
