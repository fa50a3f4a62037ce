import KilnDiagnostics
import KilnFormats

/// `--format sarif`: a SARIF 2.1.0 log with one run, the rules of the IDs reported, and one
/// result per finding on its source line with its related locations.
public enum SARIFReport {
  /// The official schema the log names.
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

  /// The SARIF log of `reports`, naming the tool version `version`.
  public static func render(_ reports: [CheckReport], version: String) -> String {
    let findings = CheckFinding.merge(reports)
    var ruleIDs: [DiagnosticID] = []
    for finding in findings where !ruleIDs.contains(finding.diagnostic.id) {
      ruleIDs.append(finding.diagnostic.id)
    }
    ruleIDs.sort()
    let driver = object([
      ("name", .string("kiln")),
      ("version", .string(version)),
      ("informationUri", .string("https://github.com/kiln-config/kiln")),
      ("rules", .array(ruleIDs.map(rule))),
    ])
    let results = findings.map { finding in
      result(finding, ruleIndex: ruleIDs.firstIndex(of: finding.diagnostic.id) ?? 0)
    }
    let run = object([("tool", object([("driver", driver)])), ("results", .array(results))])
    let log = object([
      ("$schema", .string(schemaURI)), ("version", .string("2.1.0")), ("runs", .array([run])),
    ])
    return JSONWriter.write(log) + "\n"
  }

  static func rule(_ id: DiagnosticID) -> JSONValue {
    let title = CheckID.catalogue.first { $0.id == id }?.title ?? id.rawValue
    return object([
      ("id", .string(id.rawValue)),
      ("name", .string(ruleName(title))),
      ("shortDescription", object([("text", .string(title))])),
    ])
  }

  /// `galera member lists differ` → `GaleraMemberListsDiffer` (SARIF's PascalCase rule names).
  static func ruleName(_ title: String) -> String {
    title.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map {
      $0.prefix(1).uppercased() + $0.dropFirst()
    }.joined()
  }

  static func result(_ finding: CheckFinding, ruleIndex: Int) -> JSONValue {
    let diagnostic = finding.diagnostic
    var message = diagnostic.message
    if let hint = diagnostic.hint { message += " Hint: " + hint }
    var members: [(String, JSONValue)] = [
      ("ruleId", .string(diagnostic.id.rawValue)),
      ("ruleIndex", .number(String(ruleIndex))),
      ("level", .string(level(diagnostic.severity))),
      ("message", object([("text", .string(message))])),
    ]
    if let location = diagnostic.location {
      members.append(("locations", .array([physical(location, id: nil, note: nil)])))
    }
    if !diagnostic.related.isEmpty {
      members.append(
        (
          "relatedLocations",
          .array(
            diagnostic.related.enumerated().map { index, related in
              physical(related.location, id: index + 1, note: related.note)
            })
        ))
    }
    members.append(
      ("properties", object([("environments", .array(finding.environments.map { .string($0) }))])))
    return object(members)
  }

  /// A SARIF location: a physical one for repository files, a message-only one for places in
  /// rendered files (`host:path`), which are not repository artifacts.
  static func physical(_ location: SourceLocation, id: Int?, note: String?) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if let id { members.append(("id", .number(String(id)))) }
    if location.file.contains(":") {
      members.append(("message", object([("text", .string("\(note ?? "here"): \(location)"))])))
      return object(members)
    }
    var physical: [(String, JSONValue)] = [
      ("artifactLocation", object([("uri", .string(location.file))]))
    ]
    if location.line > 0 {
      physical.append(
        (
          "region",
          object([
            ("startLine", .number(String(location.line))),
            ("startColumn", .number(String(max(1, location.column)))),
          ])
        ))
    }
    members.append(("physicalLocation", object(physical)))
    if let note { members.append(("message", object([("text", .string(note))]))) }
    return object(members)
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(members.map { JSONMember($0.0, $0.1) })
  }
}
