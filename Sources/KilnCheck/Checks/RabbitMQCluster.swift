import KilnCompiler
import KilnDiagnostics
import KilnFormats

/// RabbitMQ members list the same cluster nodes, exactly `rabbit@<host>` for every host of the
/// service (KLN404), and share one Erlang cookie (KLN405).
enum RabbitMQCluster {
  static let nodePrefix = "cluster_formation.classic_config.nodes."

  static func findings(in context: CheckContext) -> [Diagnostic] {
    nodeFindings(in: context) + cookieFindings(in: context)
  }

  private static func nodeFindings(in context: CheckContext) -> [Diagnostic] {
    var lists: [MemberList] = []
    for (file, model) in context.parsedFiles() {
      guard case .rabbitmq(let config) = model else { continue }
      let nodes = config.settings.filter { $0.key.hasPrefix(nodePrefix) }
      guard let first = nodes.first else { continue }
      lists.append(
        MemberList(
          file: file, line: first.location?.line ?? 1, members: nodes.map(\.value)))
    }
    var findings: [Diagnostic] = []
    for (reference, others) in MemberList.byPath(lists) {
      findings += others.compactMap {
        $0.difference(
          from: reference, id: CheckID.rabbitNodes, what: "classic_config.nodes", key: nil,
          hint: "every RabbitMQ node must list the same cluster nodes", in: context)
      }
      let expected = context.environment.hosts(runningService: reference.file.service).map {
        "rabbit@\($0)"
      }
      if Set(reference.members) != Set(expected) {
        let missing = expected.filter { !reference.members.contains($0) }
        let extra = reference.members.filter { !expected.contains($0) }
        findings.append(
          Diagnostic(
            id: CheckID.rabbitNodes,
            message:
              "cluster nodes do not match the hosts of service \(reference.file.service): "
              + "missing [\(missing.joined(separator: ", "))], "
              + "unexpected [\(extra.joined(separator: ", "))]",
            location: context.templateLocation(of: reference.file, line: reference.line),
            hint: "list rabbit@<host> for every host of the service's group"))
      }
    }
    return findings
  }

  private static func cookieFindings(in context: CheckContext) -> [Diagnostic] {
    let cookies = context.files.filter { $0.path.hasSuffix("erlang.cookie") }
    var findings: [Diagnostic] = []
    var references: [String: RenderedFile] = [:]
    for file in cookies {
      guard let reference = references[file.path] else {
        references[file.path] = file
        continue
      }
      let mine = String(decoding: file.contents, as: UTF8.self).trimmingSpacesAndNewlines
      let theirs = String(decoding: reference.contents, as: UTF8.self).trimmingSpacesAndNewlines
      guard mine != theirs else { continue }
      findings.append(
        Diagnostic(
          id: CheckID.rabbitCookie,
          message:
            "the Erlang cookie of \(file.host) (sha256 \(Digest.sha256Hex(Array(mine.utf8)).prefix(12))…)"
            + " differs from \(reference.host)'s (sha256 "
            + "\(Digest.sha256Hex(Array(theirs.utf8)).prefix(12))…)",
          location: context.cause(of: file, line: 1, comparedWith: reference.host),
          hint: "set one cookie for the whole cluster (nodes with different cookies cannot join)"
        ))
    }
    return findings
  }
}

extension String {
  /// The text without surrounding whitespace and newlines.
  var trimmingSpacesAndNewlines: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
