import KilnFormats

/// One self-contained HTML page (no network fetches): summary, filters by host, group and
/// service (also from the URL fragment, e.g. `#host=ctl01&service=mariadb`), and a
/// side-by-side view of every change.
public enum HTMLReport {
  /// Renders `report` as a complete HTML document.
  public static func render(_ report: ReviewReport) -> String {
    var out = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>kiln diff</title>
      <style>\(HTMLAssets.style)</style>
      </head><body>
      <header><h1>kiln diff</h1>
      <p class="sides">base <code>\(e(report.base))</code> → head <code>\(e(report.head))</code></p>
      </header>

      """
    out += summary(report) + filters(report)
    out += "<p id=\"shown\"></p>\n<main>\n"
    for review in report.environments {
      let membership = groupsByHost(review)
      for entry in review.changes { out += article(entry, review: review, groups: membership) }
      for entry in review.formattingOnly {
        out += article(entry, review: review, groups: membership, formatting: true)
      }
    }
    out += "</main>\n<script>\(HTMLAssets.script)</script>\n</body></html>\n"
    return out
  }

  private static func summary(_ report: ReviewReport) -> String {
    var out = "<section id=\"summary\"><h2>Summary</h2><ul>\n"
    for review in report.environments {
      out += "<li data-env=\"\(e(review.name))\"><b>\(e(review.name))</b>: \(e(review.summary))"
      for finding in review.findings {
        out +=
          "<div class=\"finding\">render failed on \(finding.side.rawValue): "
          + "\(e(finding.diagnostic.description))</div>"
      }
      out += "</li>\n"
    }
    return out + "</ul></section>\n"
  }

  private static func filters(_ report: ReviewReport) -> String {
    var hosts: [String] = []
    var groups: [String] = []
    var services: [String] = []
    for review in report.environments {
      for entry in review.changes + review.formattingOnly {
        for host in entry.hosts where !hosts.contains(host) { hosts.append(host) }
        if !services.contains(entry.service) { services.append(entry.service) }
      }
      for group in review.groups where !groups.contains(group.name) { groups.append(group.name) }
    }
    func select(_ name: String, _ label: String, _ values: [String]) -> String {
      "<label>\(label) <select id=\"filter-\(name)\" data-filter=\"\(name)\">"
        + "<option value=\"\">all</option>"
        + values.map { "<option value=\"\(e($0))\">\(e($0))</option>" }.joined()
        + "</select></label>\n"
    }
    return "<nav id=\"filters\">\n" + select("host", "Host", hosts)
      + select("group", "Group", groups) + select("service", "Service", services.sorted())
      + "</nav>\n"
  }

  private static func groupsByHost(_ review: EnvironmentReview) -> [String: [String]] {
    var result: [String: [String]] = [:]
    for group in review.groups {
      for host in group.hosts { result[host, default: []].append(group.name) }
    }
    return result
  }

  private static func article(
    _ entry: ChangeEntry, review: EnvironmentReview, groups: [String: [String]],
    formatting: Bool = false
  ) -> String {
    var entryGroups: [String] = []
    for host in entry.hosts {
      for group in groups[host] ?? [] where !entryGroups.contains(group) {
        entryGroups.append(group)
      }
    }
    var facts = ChangeDetail.facts(entry)
    if entry.kind != .modified { facts.insert("file \(entry.kind.rawValue)", at: 0) }
    if formatting { facts.insert("formatting only", at: 0) }
    var out = "<article class=\"change\" data-env=\"\(e(review.name))\" "
    out += "data-hosts=\" \(e(entry.hosts.joined(separator: " "))) \" "
    out += "data-groups=\" \(e(entryGroups.joined(separator: " "))) \" "
    out += "data-service=\"\(e(entry.service))\">\n"
    out += "<h3>\(e(entry.hostLabel)) · <code>\(e(entry.path))</code></h3>\n"
    out += "<p class=\"facts\">env \(e(review.name)) · \(e(facts.joined(separator: " · ")))</p>\n"
    out += "<p class=\"hosts\">hosts: \(e(entry.hosts.joined(separator: ", ")))</p>\n"
    out += HTMLSideBySide.table(entry)
    if !entry.sources.isEmpty {
      out += "<ul class=\"sources\">"
      for source in entry.sources {
        out += "<li>source <code>\(e(source.location))</code> \(e(source.text))</li>"
      }
      out += "</ul>\n"
    }
    return out + "</article>\n"
  }

  private static func e(_ text: String) -> String { HTMLText.escape(text) }
}
