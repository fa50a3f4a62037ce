import KilnDiagnostics
import KilnFormats

/// `--format json`: `{"environments": [{name, hosts, files, errors, warnings, notes}],
/// "findings": [{id, severity, message, location, related, hint, environments}]}`.
public enum JSONReport {
  /// The JSON document of `reports`.
  public static func render(_ reports: [CheckReport]) -> String {
    let environments: [JSONValue] = reports.map { report in
      SARIFReport.object([
        ("name", .string(report.environment)),
        ("hosts", .number(String(report.hostCount))),
        ("files", .number(String(report.fileCount))),
        ("errors", .number(String(report.count(.error)))),
        ("warnings", .number(String(report.count(.warning)))),
        ("notes", .number(String(report.count(.note)))),
      ])
    }
    let findings: [JSONValue] = CheckFinding.merge(reports).map { finding in
      let diagnostic = finding.diagnostic
      return SARIFReport.object([
        ("id", .string(diagnostic.id.rawValue)),
        ("severity", .string(diagnostic.severity.rawValue)),
        ("message", .string(diagnostic.message)),
        ("location", diagnostic.location.map(location) ?? .null),
        (
          "related",
          .array(
            diagnostic.related.map {
              SARIFReport.object([("location", location($0.location)), ("note", .string($0.note))])
            })
        ),
        ("hint", diagnostic.hint.map { .string($0) } ?? .null),
        ("environments", .array(finding.environments.map { .string($0) })),
      ])
    }
    let document = SARIFReport.object([
      ("environments", .array(environments)), ("findings", .array(findings)),
    ])
    return JSONWriter.write(document) + "\n"
  }

  static func location(_ location: SourceLocation) -> JSONValue {
    SARIFReport.object([
      ("file", .string(location.file)),
      ("line", .number(String(location.line))),
      ("column", .number(String(location.column))),
    ])
  }
}
