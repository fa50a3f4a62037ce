import Foundation
import KilnFormats

/// The pull-request comment: a summary per environment, one collapsible `<details>` per
/// grouped change, cut to fit GitHub's comment size limit with a note saying so.
public enum MarkdownReport {
  /// GitHub refuses comments over 65,536 characters; this leaves room for the note.
  public static let defaultLimit = 60_000

  /// Renders `report` in at most `limit` characters (entries beyond it are counted, not shown).
  public static func render(_ report: ReviewReport, limit: Int = defaultLimit) -> String {
    var out = "## kiln diff\n\nbase `\(report.base)` → head `\(report.head)`\n"
    var omitted = 0
    for review in report.environments {
      out += "\n### env `\(review.name)`: \(escape(review.summary))\n\n"
      for finding in review.findings {
        out +=
          "> [!WARNING]\n> render failed on \(finding.side.rawValue): "
          + code(finding.diagnostic.description.replacingNewlines()) + "\n\n"
      }
      if !review.hostsAdded.isEmpty {
        out += "- hosts added: " + review.hostsAdded.map(code).joined(separator: ", ") + "\n"
      }
      if !review.hostsRemoved.isEmpty {
        out += "- hosts removed: " + review.hostsRemoved.map(code).joined(separator: ", ") + "\n"
      }
      let sections =
        review.changes.map { (entry: $0, formatting: false) }
        + review.formattingOnly.map { (entry: $0, formatting: true) }
      for section in sections {
        let block = details(section.entry, formatting: section.formatting)
        if out.count + block.count > limit {
          omitted += 1
        } else {
          out += block
        }
      }
    }
    if omitted > 0 {
      out +=
        "\n> [!NOTE]\n> \(omitted) more change\(omitted == 1 ? "" : "s") not shown: the comment "
        + "would exceed GitHub's size limit. Run `kiln diff --format html` for the full report.\n"
    }
    return out
  }

  private static func details(_ entry: ChangeEntry, formatting: Bool) -> String {
    var summary = "<b>\(html(entry.hostLabel))</b> · <code>\(html(entry.path))</code>"
    if formatting { summary += " · formatting only" }
    if entry.kind != .modified { summary += " · file \(entry.kind.rawValue)" }
    if !entry.restarts.isEmpty {
      summary += " · restarts " + html(entry.restarts.joined(separator: ", "))
    }
    if !entry.waves.isEmpty { summary += " · " + ChangeDetail.waveText(entry.waves) }
    var out = "<details>\n<summary>\(summary)</summary>\n\n"
    out +=
      "Hosts: \(entry.hosts.map(code).joined(separator: ", ")) · service "
      + "\(code(entry.service))\n\n"
    out += body(entry)
    for source in entry.sources {
      out += "- source \(code(source.location)): \(code(source.text))\n"
    }
    return out + "\n</details>\n\n"
  }

  private static func body(_ entry: ChangeEntry) -> String {
    if entry.secret == nil && entry.comparison.outcome == .semantic {
      var out = ""
      if let mode = entry.mode { out += "- mode \(code(mode.old)) → \(code(mode.new))\n" }
      for change in entry.comparison.changes.prefix(ChangeDetail.lineLimit) {
        switch change.kind {
        case .changed:
          out +=
            "- \(code(change.path)): \(code(ChangeDetail.value(change.old))) → "
            + "\(code(ChangeDetail.value(change.new)))\n"
        case .added:
          out += "- added \(code(change.path)): \(code(ChangeDetail.value(change.new)))\n"
        case .removed:
          out += "- removed \(code(change.path)): \(code(ChangeDetail.value(change.old)))\n"
        }
      }
      if entry.comparison.changes.count > ChangeDetail.lineLimit {
        out += "- … \(entry.comparison.changes.count - ChangeDetail.lineLimit) more\n"
      }
      return out + "\n"
    }
    let lines = ChangeDetail.lines(entry).map(\.text)
    guard !lines.isEmpty else { return "" }
    let fence = String(repeating: "`", count: max(3, longestBacktickRun(lines) + 1))
    return fence + "diff\n" + lines.joined(separator: "\n") + "\n" + fence + "\n\n"
  }

  /// An inline code span that survives backticks and pipes in the text.
  static func code(_ text: String) -> String {
    let ticks = String(repeating: "`", count: longestBacktickRun([text]) + 1)
    let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
    return ticks + padded.replacingOccurrences(of: "|", with: "\\|") + ticks
  }

  private static func longestBacktickRun(_ lines: [String]) -> Int {
    var longest = 0
    for line in lines {
      var run = 0
      for character in line {
        run = character == "`" ? run + 1 : 0
        longest = max(longest, run)
      }
    }
    return longest
  }

  static func escape(_ text: String) -> String {
    html(text).replacingOccurrences(of: "*", with: "\\*").replacingOccurrences(of: "_", with: "\\_")
  }

  static func html(_ text: String) -> String {
    HTMLText.escape(text)
  }
}
