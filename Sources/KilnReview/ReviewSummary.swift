import KilnCompiler

/// The one-line summary at the top of each environment's report.
enum ReviewSummary {
  static func line(_ review: EnvironmentReview) -> String {
    switch review.status {
    case .added:
      return "environment added: \(count(review.hostsAdded.count, "host")), "
        + "\(count(review.headFileCount, "file"))"
    case .removed:
      return "environment removed: \(count(review.hostsRemoved.count, "host"))"
    case .compared: break
    }
    var parts: [String] = []
    if review.changes.isEmpty && review.formattingOnly.isEmpty {
      parts.append("no file changes")
    } else {
      parts.append(
        "\(count(review.changedFileCount, "file")) on \(count(review.changedHosts.count, "host"))")
    }
    var line = parts.joined()
    let restarts = restartPhrases(review.changes)
    if !restarts.isEmpty { line += "; restarts " + restarts.joined(separator: ", ") }
    if !review.hostsAdded.isEmpty {
      line += "; hosts added: " + HostList.compact(review.hostsAdded)
    }
    if !review.hostsRemoved.isEmpty {
      line += "; hosts removed: " + HostList.compact(review.hostsRemoved)
    }
    if !review.findings.isEmpty { line += "; \(count(review.findings.count, "render failure"))" }
    return line
  }

  /// `mariadb on control (3)` per restarted container, hosts merged across entries.
  static func restartPhrases(_ changes: [ChangeEntry]) -> [String] {
    var order: [String] = []
    var hosts: [String: [String]] = [:]
    var groups: [String: Set<String>] = [:]
    for change in changes where change.comparison.outcome != .cosmetic {
      for restart in change.restarts {
        if hosts[restart] == nil { order.append(restart) }
        for host in change.hosts where !(hosts[restart] ?? []).contains(host) {
          hosts[restart, default: []].append(host)
        }
        groups[restart, default: []].insert(change.group ?? "")
      }
    }
    return order.map { name in
      let affected = hosts[name] ?? []
      if let labels = groups[name], labels.count == 1, let group = labels.first, !group.isEmpty {
        return "\(name) on \(group) (\(affected.count))"
      }
      return "\(name) on \(HostList.compact(affected, limit: 3))"
    }
  }

  static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
