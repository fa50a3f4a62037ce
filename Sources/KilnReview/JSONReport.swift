import KilnDiagnostics
import KilnFormats

/// The machine-readable report (schema `kiln-diff/1`, documented in the README): stable key
/// order, no file contents, secrets as fingerprints only.
public enum JSONReport {
  /// The schema identifier written as `schema`.
  public static let schema = "kiln-diff/1"

  /// Renders `report` as pretty-printed JSON.
  public static func render(_ report: ReviewReport) -> String {
    let root = JSONValue.object([
      JSONMember("schema", .string(schema)),
      JSONMember("base", .string(report.base)),
      JSONMember("head", .string(report.head)),
      JSONMember("changed", .bool(report.hasChanges)),
      JSONMember("failed", .bool(report.hasFindings)),
      JSONMember("environments", .array(report.environments.map(environment))),
    ])
    return JSONWriter.write(root)
  }

  private static func environment(_ review: EnvironmentReview) -> JSONValue {
    .object([
      JSONMember("name", .string(review.name)),
      JSONMember("status", .string(review.status.rawValue)),
      JSONMember("summary", .string(review.summary)),
      JSONMember("hostsAdded", strings(review.hostsAdded)),
      JSONMember("hostsRemoved", strings(review.hostsRemoved)),
      JSONMember("findings", .array(review.findings.map(finding))),
      JSONMember("changes", .array(review.changes.map(change))),
      JSONMember("formattingOnly", .array(review.formattingOnly.map(change))),
    ])
  }

  private static func finding(_ finding: ReviewFinding) -> JSONValue {
    let diagnostic = finding.diagnostic
    return .object([
      JSONMember("side", .string(finding.side.rawValue)),
      JSONMember("id", .string(diagnostic.id.rawValue)),
      JSONMember("message", .string(diagnostic.message)),
      JSONMember("location", diagnostic.location.map { .string($0.description) } ?? .null),
      JSONMember("hint", diagnostic.hint.map { .string($0) } ?? .null),
    ])
  }

  private static func change(_ entry: ChangeEntry) -> JSONValue {
    let comparison = entry.comparison
    return .object([
      JSONMember("path", .string(entry.path)),
      JSONMember("service", .string(entry.service)),
      JSONMember("format", .string(entry.format)),
      JSONMember("kind", .string(entry.kind.rawValue)),
      JSONMember("hosts", strings(entry.hosts)),
      JSONMember("group", entry.group.map { .string($0) } ?? .null),
      JSONMember("label", .string(entry.hostLabel)),
      JSONMember("restarts", strings(entry.restarts)),
      JSONMember("waves", .array(entry.waves.map { .number(String($0)) })),
      JSONMember(
        "mode",
        entry.mode.map {
          .object([JSONMember("old", .string($0.old)), JSONMember("new", .string($0.new))])
        } ?? .null),
      JSONMember(
        "secret",
        entry.secret.map {
          .object([
            JSONMember("old", optional($0.old.map { "sha256:" + $0 })),
            JSONMember("new", optional($0.new.map { "sha256:" + $0 })),
          ])
        } ?? .null),
      JSONMember("outcome", .string(entry.secret == nil ? comparison.outcome.rawValue : "secret")),
      JSONMember("cosmetic", comparison.cosmetic.map { .string($0.rawValue) } ?? .null),
      JSONMember("note", optional(comparison.note)),
      JSONMember("entries", .array(comparison.changes.map(semantic))),
      JSONMember("hunks", .array(comparison.hunks.map(hunk))),
      JSONMember("sources", .array(entry.sources.map(source))),
    ])
  }

  private static func semantic(_ change: SemanticChange) -> JSONValue {
    .object([
      JSONMember("kind", .string(change.kind.rawValue)),
      JSONMember("path", .string(change.path)),
      JSONMember("old", optional(change.old)),
      JSONMember("new", optional(change.new)),
    ])
  }

  private static func hunk(_ hunk: DiffHunk) -> JSONValue {
    .object([
      JSONMember("header", .string(hunk.header)),
      JSONMember(
        "lines",
        .array(
          hunk.lines.map { line in
            let prefix = line.kind == .context ? " " : line.kind == .removed ? "-" : "+"
            return .string(prefix + line.text)
          })),
    ])
  }

  private static func source(_ source: SourceChange) -> JSONValue {
    .object([
      JSONMember("file", .string(source.file)),
      JSONMember("line", .number(String(source.line))),
      JSONMember("old", optional(source.old)),
      JSONMember("new", optional(source.new)),
    ])
  }

  private static func strings(_ values: [String]) -> JSONValue {
    .array(values.map { .string($0) })
  }

  private static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
}
