import KilnCompiler
import KilnDiagnostics
import KilnFormats

/// Galera `wsrep_cluster_address` member lists are identical on every member (KLN401) and
/// list exactly the API addresses of the Galera group (KLN402).
enum GaleraMembers {
  struct Member {
    var file: RenderedFile
    var line: Int
    var members: [String]
  }

  static func findings(in context: CheckContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (_, group) in ordered(members(in: context)) {
      guard let reference = group.first else { continue }
      for member in group.dropFirst() where member.members != reference.members {
        findings.append(
          Diagnostic(
            id: CheckID.galeraMembersDiffer,
            message:
              "wsrep_cluster_address of \(member.file.host) lists "
              + "[\(member.members.joined(separator: ", "))] but \(reference.file.host) lists "
              + "[\(reference.members.joined(separator: ", "))]",
            location: context.cause(
              of: member.file, line: member.line, comparedWith: reference.file.host,
              key: "wsrep_cluster_address"),
            related: [
              RelatedLocation(CheckContext.rendered(member.file, line: member.line), note: "here"),
              RelatedLocation(
                CheckContext.rendered(reference.file, line: reference.line), note: "differs from"),
            ],
            hint: "every Galera member must list the same members, or the cluster splits"))
      }
      if let problem = groupMismatch(reference, in: context) { findings.append(problem) }
    }
    return findings
  }

  static func members(in context: CheckContext) -> [Member] {
    var result: [Member] = []
    for (file, model) in context.parsedFiles() {
      guard case .ini(let document) = model else { continue }
      for section in document.sections {
        for entry in section.entries where entry.key == "wsrep_cluster_address" {
          let value = entry.values.first?.first ?? ""
          let list = value.hasPrefix("gcomm://") ? String(value.dropFirst(8)) : value
          result.append(
            Member(
              file: file, line: entry.location?.line ?? 1,
              members: list.split(separator: ",").map { String($0).trimmingSpacesAndNewlines }
                .filter { !$0.isEmpty }))
        }
      }
    }
    return result
  }

  /// Members grouped by rendered path, in first-seen order.
  static func ordered(_ members: [Member]) -> [(path: String, members: [Member])] {
    var groups: [(path: String, members: [Member])] = []
    for member in members {
      if let index = groups.firstIndex(where: { $0.path == member.file.path }) {
        groups[index].members.append(member)
      } else {
        groups.append((member.file.path, [member]))
      }
    }
    return groups
  }

  private static func groupMismatch(_ reference: Member, in context: CheckContext)
    -> Diagnostic?
  {
    let group = context.environment.hosts(runningService: reference.file.service)
    let listed = reference.members.map(AddressText.withoutPort)
    if group.count == 1 && listed.isEmpty { return nil }
    let expected = group.map { context.apiAddress(of: $0) ?? $0 }
    let missing = zip(group, expected).filter { !listed.contains($0.1) }.map(\.0)
    let unexpected = listed.filter { !expected.contains($0) }
    guard !missing.isEmpty || !unexpected.isEmpty else { return nil }
    var parts: [String] = []
    if !missing.isEmpty { parts.append("missing " + missing.joined(separator: ", ")) }
    if !unexpected.isEmpty {
      parts.append("not in the group: " + unexpected.joined(separator: ", "))
    }
    return Diagnostic(
      id: CheckID.galeraMembersGroup,
      message:
        "wsrep_cluster_address does not list the Galera group (\(group.count) hosts of "
        + "service \(reference.file.service)): " + parts.joined(separator: "; "),
      location: context.templateLocation(
        of: reference.file, line: reference.line, key: "wsrep_cluster_address"),
      related: [
        RelatedLocation(
          CheckContext.rendered(reference.file, line: reference.line), note: "rendered")
      ],
      hint:
        "build the member list from the service's group (groups[...]) so it follows the inventory")
  }
}

/// Small text helpers for addresses written in configs.
enum AddressText {
  /// `10.0.0.1:4567` → `10.0.0.1`; `[fe80::1]:80` → `fe80::1`; plain addresses unchanged.
  static func withoutPort(_ text: String) -> String {
    if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
      return String(text[text.index(after: text.startIndex)..<end])
    }
    let colons = text.filter { $0 == ":" }.count
    guard colons == 1, let colon = text.firstIndex(of: ":") else { return text }
    return String(text[..<colon])
  }
}
