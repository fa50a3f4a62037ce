import KilnDiagnostics

/// The outcome of checking one environment.
public struct CheckReport: Sendable {
  /// The environment checked.
  public var environment: String
  /// How many hosts were checked.
  public var hostCount: Int
  /// How many rendered files were checked.
  public var fileCount: Int
  /// Every finding, sorted for output.
  public var findings: [Diagnostic]

  /// Creates a report.
  public init(environment: String, hostCount: Int, fileCount: Int, findings: [Diagnostic]) {
    self.environment = environment
    self.hostCount = hostCount
    self.fileCount = fileCount
    self.findings = findings
  }

  /// How many findings have `severity`.
  public func count(_ severity: Severity) -> Int {
    findings.filter { $0.severity == severity }.count
  }

  /// `prod: 9 hosts, 60 files: 1 error, 2 warnings` (or `no findings`).
  public var summary: String {
    let errors = count(.error)
    let warnings = count(.warning)
    let notes = count(.note)
    var parts: [String] = []
    if errors > 0 { parts.append("\(errors) error" + (errors == 1 ? "" : "s")) }
    if warnings > 0 { parts.append("\(warnings) warning" + (warnings == 1 ? "" : "s")) }
    if notes > 0 { parts.append("\(notes) note" + (notes == 1 ? "" : "s")) }
    let outcome = parts.isEmpty ? "no findings" : parts.joined(separator: ", ")
    return "\(environment): \(hostCount) hosts, \(fileCount) files: \(outcome)"
  }
}
