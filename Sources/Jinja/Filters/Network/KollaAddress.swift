/// kolla-ansible's `kolla_address(network_name, hostname=None, override_var=None)`: a host's
/// address on a network, from `<network>_interface`, `<network>_address_family` and the
/// host's interface facts in `hostvars`.
enum KollaAddress {
  /// The filter.
  static func filter(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["hostname", "override_var"], "kolla_address", context)
    let network = try Builtins.text(value, context)
    var hostname: Value = arguments.argument(0, "hostname") ?? Value.none
    if hostname.isNone {
      guard let current = try context.variables.resolve("inventory_hostname") else {
        throw fail("'inventory_hostname' variable is unavailable", context)
      }
      hostname = current
    }
    let hostName = try Builtins.text(hostname, context)
    guard let hostvars = try context.variables.resolve("hostvars"), !hostvars.isNone else {
      throw fail("'hostvars' variable is unavailable", context)
    }
    guard let host = try lookup(hostvars, hostName) else {
      throw fail("'\(hostName)' not in 'hostvars'", context)
    }
    if let overrideName = arguments.argument(1, "override_var"), !overrideName.isNone,
      let override = try lookup(host, try Builtins.text(overrideName, context))
    {
      let text = override.pythonString()
      guard let parsed = IPNetwork.parseAddress(text) else {
        throw fail(
          "variable '\(overrideName.pythonString())' for host '\(hostName)' is set to '\(text)', "
            + "which is not a valid IPv4 or IPv6 address", context)
      }
      return .string(IPNetwork.format(parsed.bits, version: parsed.version))
    }
    return .string(try address(of: host, on: network, hostName: hostName, context))
  }

  private static func fail(_ message: String, _ context: CallContext) -> JinjaError {
    context.error(message, kind: .filter)
  }

  /// `mapping.get(key)` for dicts and dynamic objects; nil when missing or None.
  static func lookup(_ container: Value, _ key: String) throws -> Value? {
    let found: Value?
    switch container {
    case .map(let map): found = map[key]
    case .object(let object): found = try object.value(forKey: key)
    default: found = nil
    }
    guard let found, !found.isNone, !found.isUndefined else { return nil }
    return found
  }

  private static func address(
    of host: Value, on network: String, hostName: String, _ context: CallContext
  ) throws -> String {
    guard let interfaceValue = try lookup(host, network + "_interface") else {
      throw fail(
        "Interface name undefined for network '\(network)' (set '\(network)_interface')", context)
    }
    guard let familyValue = try lookup(host, network + "_address_family") else {
      throw fail(
        "Address family undefined for network '\(network)' (set '\(network)_address_family')",
        context)
    }
    let interfaceName = try Builtins.text(interfaceValue, context)
    let family = try Builtins.text(familyValue, context).lowercased()
    guard family == "ipv4" || family == "ipv6" else {
      throw fail("Unknown address family '\(family)' for network '\(network)'", context)
    }
    let factName = interfaceName.replacingOccurrences(of: "-", with: "_")
    let facts = try lookup(host, "ansible_facts")
    guard
      let interface = try facts.flatMap({ try lookup($0, factName) })
        ?? lookup(host, "ansible_" + factName)
    else {
      throw fail("Interface '\(interfaceName)' not present on host '\(hostName)'", context)
    }
    guard let familyFacts = try lookup(interface, family) else {
      throw fail(
        "Address family '\(family)' undefined on interface '\(interfaceName)' for host: "
          + "'\(hostName)'", context)
    }
    let found =
      family == "ipv4"
      ? try ipv4Address(interface, familyFacts)
      : try ipv6Address(host, familyFacts, context)
    guard let found else {
      throw fail(
        "\(family) address missing on interface '\(interfaceName)' for host '\(hostName)'",
        context)
    }
    return found
  }

  private static func isLoopback(_ text: String) -> Bool {
    guard let parsed = IPNetwork.parseAddress(text) else { return false }
    return IPClassification.isLoopback(
      IPNetwork(
        version: parsed.version, ip: parsed.bits, prefixLength: parsed.version == 4 ? 32 : 128))
  }

  /// The primary address, or the first non-loopback secondary when the primary is loopback.
  private static func ipv4Address(_ interface: Value, _ facts: Value) throws -> String? {
    guard let address = try lookup(facts, "address")?.pythonString() else { return nil }
    guard isLoopback(address),
      case .list(let secondaries)? = try lookup(interface, "ipv4_secondaries")
    else { return address }
    for secondary in secondaries {
      if let candidate = try lookup(secondary, "address")?.pythonString(), !isLoopback(candidate) {
        return candidate
      }
    }
    return address
  }

  /// The first global-scope address that is not one of kolla's VIPs (when haproxy is enabled).
  private static func ipv6Address(_ host: Value, _ facts: Value, _ context: CallContext) throws
    -> String?
  {
    guard let haproxy = try lookup(host, "enable_haproxy") else {
      throw fail("'enable_haproxy' variable is unavailable", context)
    }
    var virtual: [Value] = []
    if try NumberFilters.bool(haproxy, Arguments(), context).isTruthy {
      virtual = [
        try lookup(host, "kolla_internal_vip_address") ?? Value.none,
        try lookup(host, "kolla_external_vip_address") ?? Value.none,
      ]
    }
    guard case .list(let entries) = facts else { return nil }
    for entry in entries {
      guard let scope = try lookup(entry, "scope"), let address = try lookup(entry, "address")
      else { continue }
      if scope.pythonString() == "global", !ValueComparison.contains(virtual, address) {
        return address.pythonString()
      }
    }
    return nil
  }
}
