import KilnDiagnostics
import KilnGit

/// `--format text`: findings grouped by file, each with its source line and a caret under the
/// column, related notes and the hint; ANSI colour when writing to a terminal.
public enum TextReport {
  /// The report of `reports`, reading source lines from `source`.
  public static func render(
    _ reports: [CheckReport], source: (any SourceTree)?, colour: Bool
  )
    -> String
  {
    let paint = Paint(enabled: colour)
    var out = ""
    var currentFile: String?
    for finding in CheckFinding.merge(reports) {
      let diagnostic = finding.diagnostic
      let file = diagnostic.location?.file ?? ""
      if file != currentFile {
        out +=
          (currentFile == nil ? "" : "\n") + paint.bold(file.isEmpty ? "(no file)" : file) + "\n"
        currentFile = file
      }
      let severity = paint.severity(diagnostic.severity)
      let place = diagnostic.location.map { $0.line > 0 ? "\($0.line):\($0.column): " : "" } ?? ""
      let envs = reports.count > 1 ? " [\(finding.environments.joined(separator: ", "))]" : ""
      out += "  \(place)\(severity)[\(diagnostic.id)]: \(diagnostic.message)\(envs)\n"
      if let location = diagnostic.location, let excerpt = excerpt(location, source: source) {
        out += excerpt.map { "    | " + $0 + "\n" }.joined()
      }
      for related in diagnostic.related {
        out += "    " + paint.dim("note: \(related.location): \(related.note)") + "\n"
      }
      if let hint = diagnostic.hint { out += "    hint: \(hint)\n" }
    }
    if !out.isEmpty { out += "\n" }
    out += reports.map(\.summary).joined(separator: "\n") + "\n"
    return out
  }

  /// The source line of `location` and a caret under its column.
  static func excerpt(_ location: SourceLocation, source: (any SourceTree)?) -> [String]? {
    guard location.line > 0, let bytes = try? source?.readFile(location.file) else { return nil }
    let lines = String(decoding: bytes, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    guard location.line <= lines.count else { return nil }
    let text = String(lines[location.line - 1])
    let indent = String(text.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " })
    return [text, indent + "^"]
  }
}

/// ANSI styling, or none.
struct Paint {
  var enabled: Bool

  func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }

  func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: wrap("error", "1;31")
    case .warning: wrap("warning", "1;33")
    case .note: wrap("note", "1;36")
    }
  }
}
