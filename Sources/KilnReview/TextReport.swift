/// The terminal report: a summary per environment, then each grouped change.
public enum TextReport {
  /// Renders `report`; `colour` adds ANSI colours (for a terminal).
  public static func render(_ report: ReviewReport, colour: Bool = false) -> String {
    let paint = Paint(enabled: colour)
    var out = "kiln diff: \(report.base) → \(report.head)\n"
    for review in report.environments {
      out += "\n" + paint.bold("env \(review.name): \(review.summary)") + "\n"
      for finding in review.findings {
        out +=
          paint.red("  render failed on \(finding.side.rawValue): ")
          + finding.diagnostic
          .description.replacingNewlines() + "\n"
      }
      if !review.hostsAdded.isEmpty {
        out += "  hosts added: \(review.hostsAdded.joined(separator: ", "))\n"
      }
      if !review.hostsRemoved.isEmpty {
        out += "  hosts removed: \(review.hostsRemoved.joined(separator: ", "))\n"
      }
      for entry in review.changes { out += render(entry, paint: paint) }
      if !review.formattingOnly.isEmpty {
        out += "\n  formatting-only changes (ignored by the formats):\n"
        for entry in review.formattingOnly { out += render(entry, paint: paint) }
      }
    }
    return out
  }

  private static func render(_ entry: ChangeEntry, paint: Paint) -> String {
    let facts = ChangeDetail.facts(entry).joined(separator: ", ")
    var out = "\n  " + paint.bold("\(entry.hostLabel)  \(entry.path)") + "  [\(facts)]\n"
    for (role, text) in ChangeDetail.lines(entry) {
      let line = "    " + text
      switch role {
      case .plain: out += line + "\n"
      case .removed: out += paint.red(line) + "\n"
      case .added: out += paint.green(line) + "\n"
      case .header: out += paint.cyan(line) + "\n"
      }
    }
    for source in entry.sources {
      out += "    source: \(source.location)  \(source.text)\n"
    }
    return out
  }

  /// ANSI colouring that is a no-op when disabled.
  struct Paint {
    var enabled: Bool
    func wrap(_ code: String, _ text: String) -> String {
      enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    func bold(_ text: String) -> String { wrap("1", text) }
    func red(_ text: String) -> String { wrap("31", text) }
    func green(_ text: String) -> String { wrap("32", text) }
    func cyan(_ text: String) -> String { wrap("36", text) }
  }
}
