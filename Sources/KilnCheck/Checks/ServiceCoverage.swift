import KilnDiagnostics

/// Every host in a service's group renders that service: its `enable_<service>` switch is not
/// off there (KLN412), or kolla-ansible would skip the service on a host Kiln renders it for.
/// (A host whose files fail to render is reported by the render failure itself.)
enum ServiceCoverage {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    var found = HostFindings()
    for service in context.repository.services.sorted(by: { $0.name < $1.name }) {
      let switchName = "enable_\(service.name)"
      for host in context.environment.hosts(runningService: service.name) {
        if let value = context.value(switchName, host: host), !value.isTruthy {
          found.add(
            Diagnostic(
              id: CheckID.serviceNotRendered,
              message:
                "\(switchName) is off, yet the host is in group \(service.hostsGroup.name) "
                + "that runs \(service.name)",
              location: context.origin(switchName, host: host),
              related: [RelatedLocation(service.hostsGroup.location, note: "the service's group")],
              hint: "remove the host from the group, or turn \(switchName) on"),
            host: host)
        }
      }
    }
    return found.grouped()
  }
}
