import KilnCompiler
import KilnDiagnostics
import KilnFormats

/// Listeners bind addresses the host owns (KLN414): its own `*_interface_address` values and
/// `ansible_host`, wildcard and loopback addresses, and for the load balancers (haproxy,
/// keepalived) the virtual addresses they float.
enum ListenerAddresses {
  /// Addresses every host may bind: the wildcards and loopback.
  static let wildcard: Set<IPAddress> = Set(
    ["0.0.0.0", "::", "127.0.0.1", "::1"].compactMap { IPAddress($0) })
  static let floatingServices: Set<String> = ["haproxy", "keepalived"]

  static func findings(in context: CheckContext) -> [Diagnostic] {
    var found = HostFindings()
    var owned: [String: Set<IPAddress>] = [:]
    for (file, model) in context.parsedFiles() {
      let listeners = binds(in: model)
      guard !listeners.isEmpty else { continue }
      if owned[file.host] == nil { owned[file.host] = addresses(of: file.host, in: context) }
      var allowed = owned[file.host] ?? []
      if floatingServices.contains(file.service) {
        allowed.formUnion(
          AddressPlan.vipNames.compactMap {
            context.text($0, host: file.host).flatMap(IPAddress.init)
          })
      }
      for listener in listeners {
        guard let address = IPAddress(listener.address), !allowed.contains(address) else {
          continue
        }
        found.add(
          Diagnostic(
            id: CheckID.listenerForeignAddress,
            message:
              "\(file.path) binds \(listener.address) (\(listener.key)), which is not an address "
              + "of the host",
            location: context.cause(
              of: file, line: listener.line, comparedWith: nil, key: listener.key),
            hint: "bind the host's own address (api_interface_address) or a wildcard"),
          host: file.host,
          notes: [
            RelatedLocation(CheckContext.rendered(file, line: listener.line), note: "rendered")
          ])
      }
    }
    return found.grouped()
  }

  struct Listener {
    var key: String
    var address: String
    var line: Int
  }

  /// The bind addresses a parsed file declares.
  static func binds(in model: ParsedFile) -> [Listener] {
    switch model {
    case .ini(let document):
      return document.sections.flatMap(\.entries).filter {
        ["bind-address", "bind_address"].contains($0.key)
      }.map {
        Listener(key: $0.key, address: $0.values.first?.first ?? "", line: $0.location?.line ?? 1)
      }
    case .rabbitmq(let config):
      return config.settings.filter {
        $0.key.hasPrefix("listeners.tcp.") || $0.key.hasPrefix("listeners.ssl.")
          || $0.key.hasSuffix(".ip")
      }.map {
        Listener(
          key: $0.key, address: AddressText.withoutPort($0.value), line: $0.location?.line ?? 1)
      }
    case .text(let file):
      return haproxyBinds(file.text)
    default:
      return []
    }
  }

  /// `bind ADDRESS:PORT` lines of an haproxy configuration.
  static func haproxyBinds(_ text: String) -> [Listener] {
    var result: [Listener] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard words.count >= 2, words[0] == "bind" else { continue }
      result.append(
        Listener(key: "bind", address: AddressText.withoutPort(String(words[1])), line: index + 1))
    }
    return result
  }

  /// The addresses `host` owns.
  static func addresses(of host: String, in context: CheckContext) -> Set<IPAddress> {
    var owned = wildcard
    for name in AddressPlan.addressNames(host: host, in: context) {
      if let address = context.text(name, host: host).flatMap(IPAddress.init) {
        owned.insert(address)
      }
    }
    return owned
  }
}
