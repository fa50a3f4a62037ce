import KilnFormats

/// The body of one entry as plain lines, shared by the text and markdown reports.
enum ChangeDetail {
  /// The role of a line, for colouring.
  enum Role {
    case plain, removed, added, header
  }

  /// Diff lines shown per entry before eliding the rest.
  static let lineLimit = 60

  static func lines(_ entry: ChangeEntry) -> [(role: Role, text: String)] {
    var lines: [(Role, String)] = []
    if let mode = entry.mode { lines.append((.plain, "mode \(mode.old) → \(mode.new)")) }
    if let secret = entry.secret {
      lines.append((.plain, "secret file: \(secret.text)"))
      return lines
    }
    switch entry.kind {
    case .added: lines.append((.added, "file added"))
    case .removed: lines.append((.removed, "file removed"))
    case .modified: break
    }
    let comparison = entry.comparison
    if let note = comparison.note { lines.append((.plain, "note: \(note)")) }
    switch comparison.outcome {
    case .identical: break
    case .binary: lines.append((.plain, "binary file changed"))
    case .cosmetic: lines.append((.plain, comparison.cosmetic?.phrase ?? "formatting only"))
    case .semantic: lines += comparison.changes.map(semantic)
    case .lines:
      for hunk in comparison.hunks {
        lines.append((.header, hunk.header))
        for line in hunk.lines {
          switch line.kind {
          case .context: lines.append((.plain, " " + line.text))
          case .removed: lines.append((.removed, "-" + line.text))
          case .added: lines.append((.added, "+" + line.text))
          }
        }
      }
    }
    if lines.count > lineLimit {
      let hidden = lines.count - lineLimit
      lines = Array(lines.prefix(lineLimit))
      lines.append((.plain, "… \(hidden) more lines"))
    }
    return lines
  }

  static func semantic(_ change: SemanticChange) -> (Role, String) {
    switch change.kind {
    case .changed:
      return (.plain, "\(change.path): \(value(change.old)) → \(value(change.new))")
    case .added: return (.added, "+ \(change.path): \(value(change.new))")
    case .removed: return (.removed, "- \(change.path): \(value(change.old))")
    }
  }

  /// A value on one line: newlines shown as `\n`, long values shortened.
  static func value(_ text: String?) -> String {
    guard let text else { return "" }
    let flat = text.replacingNewlines()
    return flat.count > 200 ? String(flat.prefix(197)) + "..." : flat
  }

  /// The header fields after the host label: path, kind, service, restarts, waves.
  static func facts(_ entry: ChangeEntry) -> [String] {
    var facts = ["service \(entry.service)"]
    if !entry.restarts.isEmpty {
      facts.append("restarts \(entry.restarts.joined(separator: ", "))")
    }
    if !entry.waves.isEmpty { facts.append(waveText(entry.waves)) }
    return facts
  }

  /// `wave 2`, `waves 1, 3`.
  static func waveText(_ waves: [Int]) -> String {
    (waves.count == 1 ? "wave " : "waves ") + waves.map(String.init).joined(separator: ", ")
  }
}

extension String {
  /// Newlines written as `\n`.
  func replacingNewlines() -> String {
    split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\\n")
  }
}
