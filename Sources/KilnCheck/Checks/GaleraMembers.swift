import KilnCompiler
import KilnDiagnostics
import KilnFormats

/// Galera `wsrep_cluster_address` member lists are identical on every member (KLN401) and
/// list exactly the API addresses of the Galera group (KLN402).
enum GaleraMembers {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for (reference, others) in MemberList.byPath(members(in: context)) {
      findings += others.compactMap {
        $0.difference(
          from: reference, id: CheckID.galeraMembersDiffer, what: "wsrep_cluster_address",
          key: "wsrep_cluster_address",
          hint: "every Galera member must list the same members, or the cluster splits",
          in: context)
      }
      if let problem = groupMismatch(reference, in: context) { findings.append(problem) }
    }
    return findings
  }

  static func members(in context: CheckContext) -> [MemberList] {
    var result: [MemberList] = []
    for (file, model) in context.parsedFiles() {
      guard case .ini(let document) = model else { continue }
      for section in document.sections {
        for entry in section.entries where entry.key == "wsrep_cluster_address" {
          let value = entry.values.first?.first ?? ""
          let list = value.hasPrefix("gcomm://") ? String(value.dropFirst(8)) : value
          result.append(
            MemberList(
              file: file, line: entry.location?.line ?? 1,
              members: list.split(separator: ",").map { String($0).trimmingSpacesAndNewlines }
                .filter { !$0.isEmpty }))
        }
      }
    }
    return result
  }

  private static func groupMismatch(_ reference: MemberList, in context: CheckContext)
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
