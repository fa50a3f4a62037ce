import KilnCompiler
import KilnDiagnostics

/// A Galera cluster has an odd number of members, or an arbitrator (`garbd`) to break ties
/// (KLN403): with two or four nodes a network split leaves no side with a majority.
enum GaleraQuorum {
  static let arbitratorGroups = ["garbd", "galera_arbitrator", "mariadb_arbitrator"]
  static let arbitratorVariables = ["galera_arbitrator_address", "mariadb_arbitrator_address"]

  static func findings(in context: CheckContext) -> [Diagnostic] {
    let services = Set(GaleraMembers.members(in: context).map(\.file.service))
    var findings: [Diagnostic] = []
    for name in services.sorted() {
      guard let service = context.repository.service(named: name) else { continue }
      let group = context.environment.hosts(runningService: name)
      guard group.count >= 2, group.count % 2 == 0, !hasArbitrator(group, in: context) else {
        continue
      }
      findings.append(
        Diagnostic(
          id: CheckID.galeraEvenCluster,
          message:
            "the Galera cluster of service \(name) has \(group.count) members "
            + "(\(HostList.compact(group))) and no arbitrator",
          location: service.hostsGroup.location,
          hint: "add or remove a member so the count is odd, or declare an arbitrator "
            + "(inventory group garbd, or galera_arbitrator_address)"))
    }
    return findings
  }

  static func hasArbitrator(_ group: [String], in context: CheckContext) -> Bool {
    if arbitratorGroups.contains(where: { !(context.environment.hosts(inGroup: $0) ?? []).isEmpty })
    {
      return true
    }
    return arbitratorVariables.contains { name in
      group.first.flatMap { context.text(name, host: $0) }.map { !$0.isEmpty } ?? false
    }
  }
}
