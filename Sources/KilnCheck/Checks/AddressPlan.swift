import Jinja
import KilnDiagnostics

/// Every `<net>_interface_address` lies inside `<net>_network_cidr`, and the internal VIP inside
/// the API network (KLN410); no address is used by two hosts or by a host and the VIP (KLN411).
enum AddressPlan {
  static let vipNames = ["kolla_internal_vip_address", "kolla_external_vip_address"]

  static func findings(in context: CheckContext) -> [Diagnostic] {
    var found = HostFindings()
    var owners: [IPAddress: (host: String, name: String)] = [:]
    var duplicates: [Diagnostic] = []
    for host in context.environment.hosts {
      for (name, network) in pairs(host: host, in: context) {
        guard let text = context.text(name, host: host), let address = IPAddress(text),
          let cidr = context.text(network, host: host), let parsed = IPNetwork(cidr: cidr),
          !parsed.contains(address)
        else { continue }
        found.add(
          Diagnostic(
            id: CheckID.addressOutsideNetwork,
            message: "\(name) \(text) is outside \(network) \(cidr)",
            location: context.origin(name, host: host),
            related: context.origin(network, host: host).map {
              [RelatedLocation($0, note: "\(network) set here")]
            } ?? [],
            hint: "give an address inside \(cidr), or correct \(network)"),
          host: host)
      }
      for name in addressNames(host: host, in: context) {
        guard let text = context.text(name, host: host), let address = IPAddress(text) else {
          continue
        }
        guard let owner = owners[address] else {
          owners[address] = (host, name)
          continue
        }
        guard owner.host != host else { continue }
        duplicates.append(
          Diagnostic(
            id: CheckID.addressDuplicate,
            message: "\(host)'s \(name) \(text) is also \(owner.host)'s \(owner.name)",
            location: context.origin(name, host: host),
            related: context.origin(owner.name, host: owner.host).map {
              [RelatedLocation($0, note: "\(owner.host)'s \(owner.name) set here")]
            } ?? [],
            hint: "give every host its own address"))
      }
    }
    var vipOwners = Set<IPAddress>()
    for host in context.environment.hosts {
      for vip in vipNames {
        guard let text = context.text(vip, host: host), let address = IPAddress(text),
          vipOwners.insert(address).inserted, let owner = owners[address],
          !vipNames.contains(owner.name)
        else { continue }
        duplicates.append(
          Diagnostic(
            id: CheckID.addressDuplicate,
            message: "\(vip) \(text) is also \(owner.host)'s \(owner.name)",
            location: context.origin(owner.name, host: owner.host),
            hint: "the VIP must not be any host's own address"))
      }
    }
    return found.grouped() + duplicates
  }

  /// The host's `<net>_network_cidr` variable names, sorted.
  static func networkNames(host: String, in context: CheckContext) -> [String] {
    definedNames(host: host, in: context).filter { $0.hasSuffix("_network_cidr") }.sorted()
  }

  /// The host's own addresses: `*_interface_address` and `ansible_host`.
  static func addressNames(host: String, in context: CheckContext) -> [String] {
    definedNames(host: host, in: context).filter {
      $0.hasSuffix("_interface_address") || $0 == "ansible_host"
    }.sorted()
  }

  /// (address variable, network variable) pairs to compare for `host`.
  static func pairs(host: String, in context: CheckContext) -> [(String, String)] {
    let names = Set(definedNames(host: host, in: context))
    var result: [(String, String)] = []
    for name in names.sorted() where name.hasSuffix("_interface_address") {
      let network = String(name.dropLast("_interface_address".count)) + "_network_cidr"
      if names.contains(network) { result.append((name, network)) }
    }
    if names.contains("kolla_internal_vip_address"), names.contains("api_network_cidr") {
      result.append(("kolla_internal_vip_address", "api_network_cidr"))
    }
    return result
  }

  static func definedNames(host: String, in context: CheckContext) -> [String] {
    (try? context.environment.variables(forHost: host).layered.definedKeys) ?? []
  }
}
