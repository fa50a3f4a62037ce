import KilnDiagnostics

/// `--format github`: one GitHub Actions workflow command per finding
/// (`::error file=…,line=…,col=…,title=KLN…::message`), then the summary lines.
public enum GitHubAnnotations {
  /// The annotations of `reports`.
  public static func render(_ reports: [CheckReport]) -> String {
    var out = ""
    for finding in CheckFinding.merge(reports) {
      let diagnostic = finding.diagnostic
      let command =
        switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
      var properties: [String] = []
      if let location = diagnostic.location {
        properties.append("file=" + escapeProperty(location.file))
        if location.line > 0 {
          properties.append("line=\(location.line)")
          properties.append("col=\(location.column)")
        }
      }
      properties.append("title=" + escapeProperty("\(diagnostic.id)"))
      var message = diagnostic.message
      if let hint = diagnostic.hint { message += "\nhint: " + hint }
      out += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }
    out += reports.map(\.summary).joined(separator: "\n") + "\n"
    return out
  }

  /// Escapes a message as the runner's `escapeData` does.
  static func escapeData(_ text: String) -> String {
    text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
  }

  /// Escapes a property value as the runner's `escapeProperty` does.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement`.
  func replacingAll(_ target: String, _ replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
