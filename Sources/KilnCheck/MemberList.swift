import KilnCompiler
import KilnDiagnostics

/// One host's copy of a cluster member list read from a rendered file (Galera's
/// `wsrep_cluster_address`, RabbitMQ's classic-config nodes): every member must hold the same.
struct MemberList {
  var file: RenderedFile
  var line: Int
  var members: [String]

  /// For each rendered path in first-seen order: the first host's list (the reference) and
  /// the others.
  static func byPath(_ lists: [MemberList]) -> [(reference: MemberList, others: [MemberList])] {
    var groups: [(reference: MemberList, others: [MemberList])] = []
    for list in lists {
      if let index = groups.firstIndex(where: { $0.reference.file.path == list.file.path }) {
        groups[index].others.append(list)
      } else {
        groups.append((list, []))
      }
    }
    return groups
  }

  /// A finding for this list when it differs from `reference`, placed on the line to edit
  /// (the variable whose value differs between the two hosts, else the template line).
  func difference(
    from reference: MemberList, id: DiagnosticID, what: String, key: String?, hint: String,
    in context: CheckContext
  ) -> Diagnostic? {
    guard members != reference.members else { return nil }
    return Diagnostic(
      id: id,
      message:
        "\(what) of \(file.host) lists [\(members.joined(separator: ", "))] but "
        + "\(reference.file.host) lists [\(reference.members.joined(separator: ", "))]",
      location: context.cause(of: file, line: line, comparedWith: reference.file.host, key: key),
      related: [
        RelatedLocation(CheckContext.rendered(file, line: line), note: "here"),
        RelatedLocation(
          CheckContext.rendered(reference.file, line: reference.line), note: "differs from"),
      ],
      hint: hint)
  }
}
