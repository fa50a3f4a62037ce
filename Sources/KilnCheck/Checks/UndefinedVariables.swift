import KilnCompiler
import KilnDiagnostics

/// Every variable a template can reach (its own reads and those of every template it may
/// include) is defined for every host that renders it; reported once per name and template
/// line with the hosts that lack it. Reads guarded by `is defined` or `default` are exempt.
enum UndefinedVariables {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var definedByHost: [String: Set<String>] = [:]
    for service in context.repository.services.sorted(by: { $0.name < $1.name }) {
      let hosts = context.environment.hosts(runningService: service.name)
      guard !hosts.isEmpty else { continue }
      for host in hosts where definedByHost[host] == nil {
        definedByHost[host] = Set((try? context.environment.variables(forHost: host).names) ?? [])
      }
      for (file, uses) in context.compiler.variableUses(of: service) {
        for use in uses where !use.isGuarded {
          let missing = hosts.filter { !(definedByHost[$0]?.contains(use.name) ?? false) }
          guard !missing.isEmpty else { continue }
          findings.append(
            Diagnostic(
              id: CheckID.undefinedVariable,
              message:
                "'\(use.name)' is undefined on \(missing.count) of \(hosts.count) hosts that "
                + "render \(file.destination) (hosts \(HostList.compact(missing)))",
              location: use.location,
              hint: "define '\(use.name)' in a layer those hosts read (defaults.yaml, "
                + "group_vars, host_vars) or guard it with `| default(...)`"))
        }
      }
    }
    return findings
  }
}
