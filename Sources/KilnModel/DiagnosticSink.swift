import KilnDiagnostics

/// Collects the findings of one load so that every problem is reported, not only the first.
final class DiagnosticSink {
  private(set) var diagnostics: [Diagnostic] = []

  func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func add(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

  /// True when at least one finding is an error (not a warning or note).
  var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The warnings and notes collected so far.
  var warnings: [Diagnostic] { diagnostics.filter { $0.severity != .error } }
}
