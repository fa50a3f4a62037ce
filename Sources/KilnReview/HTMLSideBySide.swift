import KilnFormats

/// The two-column (base | head) table of one change.
enum HTMLSideBySide {
  static func table(_ entry: ChangeEntry) -> String {
    var rows: [(String, String, String)] = []
    if let mode = entry.mode { rows.append(("mode", mode.old, mode.new)) }
    if let secret = entry.secret {
      rows.append(
        (
          "secret", secret.old.map { "sha256:\($0)…" } ?? "(none)",
          secret.new.map { "sha256:\($0)…" } ?? "(none)"
        ))
      return render(rows, labelled: true)
    }
    let comparison = entry.comparison
    switch comparison.outcome {
    case .semantic:
      for change in comparison.changes {
        rows.append(
          (change.path, ChangeDetail.value(change.old), ChangeDetail.value(change.new)))
      }
      return render(rows, labelled: true) + note(comparison)
    case .lines:
      return render(rows, labelled: true) + lines(comparison.hunks) + note(comparison)
    case .cosmetic:
      rows.append(("", comparison.cosmetic?.phrase ?? "", comparison.cosmetic?.phrase ?? ""))
      return render(rows, labelled: false)
    case .binary:
      rows.append(("", "binary", "binary"))
      return render(rows, labelled: false)
    case .identical:
      let old = entry.kind == .added ? "(no file)" : entry.oldText.map(lineCount) ?? ""
      let new = entry.kind == .removed ? "(no file)" : entry.newText.map(lineCount) ?? ""
      rows.append(("", old, new))
      return render(rows, labelled: false)
    }
  }

  private static func lineCount(_ text: String) -> String {
    "\(LineDiff.lines(of: text).count) lines"
  }

  private static func note(_ comparison: FileComparison) -> String {
    comparison.note.map { "<p class=\"note\">\(HTMLText.escape($0))</p>\n" } ?? ""
  }

  private static func render(_ rows: [(String, String, String)], labelled: Bool) -> String {
    guard !rows.isEmpty else { return "" }
    var out = "<table class=\"sbs\"><thead><tr>"
    out += (labelled ? "<th>where</th>" : "") + "<th>base</th><th>head</th></tr></thead><tbody>\n"
    for (label, old, new) in rows {
      out +=
        "<tr>" + (labelled ? "<td class=\"path\"><code>\(HTMLText.escape(label))</code></td>" : "")
      out += "<td class=\"old\">\(HTMLText.escape(old))</td>"
      out += "<td class=\"new\">\(HTMLText.escape(new))</td></tr>\n"
    }
    return out + "</tbody></table>\n"
  }

  /// Hunks as aligned rows: context on both sides, a run of removals beside its additions.
  private static func lines(_ hunks: [DiffHunk]) -> String {
    var out = "<table class=\"sbs lines\"><thead><tr><th>base</th><th>head</th></tr></thead>"
    out += "<tbody>\n"
    for hunk in hunks {
      out += "<tr class=\"hunk\"><td colspan=\"2\">\(HTMLText.escape(hunk.header))</td></tr>\n"
      var removed: [String] = []
      var added: [String] = []
      func flush() {
        for index in 0..<max(removed.count, added.count) {
          let old = index < removed.count ? removed[index] : nil
          let new = index < added.count ? added[index] : nil
          out +=
            "<tr><td class=\"\(old == nil ? "empty" : "del")\">"
            + HTMLText.escape(old ?? "") + "</td><td class=\"\(new == nil ? "empty" : "ins")\">"
            + HTMLText.escape(new ?? "") + "</td></tr>\n"
        }
        removed = []
        added = []
      }
      for line in hunk.lines {
        switch line.kind {
        case .removed: removed.append(line.text)
        case .added: added.append(line.text)
        case .context:
          flush()
          let text = HTMLText.escape(line.text)
          out += "<tr><td>\(text)</td><td>\(text)</td></tr>\n"
        }
      }
      flush()
    }
    return out + "</tbody></table>\n"
  }
}
