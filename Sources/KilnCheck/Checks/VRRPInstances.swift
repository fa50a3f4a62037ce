import Jinja
import KilnCompiler
import KilnDiagnostics

/// VRRP `virtual_router_id`s are unique per network segment: two instances with different
/// virtual addresses on one segment must not share one (KLN408); within one instance the
/// members' priorities are distinct (KLN409), or failover picks a master arbitrarily.
enum VRRPInstances {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    let instances = context.files.filter { $0.path.hasSuffix("keepalived.conf") }
      .flatMap(KeepalivedInstance.instances)
    var bySegment: [String: [KeepalivedInstance]] = [:]
    var segments: [String] = []
    for instance in instances {
      guard let routerID = instance.routerID else { continue }
      let key = segment(of: instance, in: context) + " id " + routerID
      if bySegment[key] == nil { segments.append(key) }
      bySegment[key, default: []].append(instance)
    }
    var findings: [Diagnostic] = []
    for key in segments {
      let members = bySegment[key] ?? []
      guard let first = members.first else { continue }
      for instance in members where instance.addresses != first.addresses {
        findings.append(
          Diagnostic(
            id: CheckID.vrrpRouterID,
            message:
              "\(instance.file.host)'s VRRP instance \(instance.name) "
              + "(\(instance.addresses.joined(separator: ", "))) shares virtual_router_id "
              + "\(instance.routerID ?? "") with \(first.file.host)'s "
              + "(\(first.addresses.joined(separator: ", "))) on \(segment(of: instance, in: context))",
            location: context.cause(
              of: instance.file, line: instance.routerIDLine, comparedWith: nil),
            hint: "give each VRRP instance on a segment its own virtual_router_id (1-255)"))
      }
      findings += priorityFindings(members.filter { $0.addresses == first.addresses }, in: context)
    }
    return findings
  }

  private static func priorityFindings(_ members: [KeepalivedInstance], in context: CheckContext)
    -> [Diagnostic]
  {
    var firstHost: [String: String] = [:]
    var findings: [Diagnostic] = []
    for instance in members {
      guard let priority = instance.priority else { continue }
      guard let other = firstHost[priority] else {
        firstHost[priority] = instance.file.host
        continue
      }
      findings.append(
        Diagnostic(
          id: CheckID.vrrpPriority,
          message:
            "\(instance.file.host) and \(other) have the same VRRP priority \(priority) in "
            + "instance \(instance.name)",
          location: context.cause(
            of: instance.file, line: instance.priorityLine, comparedWith: nil),
          hint: "give each member of a VRRP instance a distinct priority"))
    }
    return findings
  }

  /// The declared network holding the instance's first virtual address, else its interface.
  static func segment(of instance: KeepalivedInstance, in context: CheckContext) -> String {
    if let address = instance.addresses.first.flatMap({ IPAddress($0) }) {
      for name in AddressPlan.networkNames(host: instance.file.host, in: context) {
        if let cidr = context.text(name, host: instance.file.host),
          let network = IPNetwork(cidr: cidr), network.contains(address)
        {
          return "segment \(cidr)"
        }
      }
    }
    return "interface \(instance.interface ?? "?")"
  }
}
