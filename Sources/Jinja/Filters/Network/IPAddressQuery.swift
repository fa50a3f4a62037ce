/// The `ansible.utils.ipaddr` query engine: parses a value, then answers a named query.
enum IPAddressQuery {
  /// A parsed value: the network, whether it was written as an address or a network, and the
  /// text that queries such as `ipv4` or `private` give back.
  struct Parsed {
    var network: IPNetwork
    var isNetwork: Bool
    var text: String
  }

  /// `ipaddr(value, query, version)` for one value (not a list); `.bool(false)` when the value
  /// is not an address or does not match. A numeric query indexes into the network only when
  /// it is an integer value, as in the collection (a numeric string gives False).
  static func query(_ value: Value, _ query: Value, version: Int?, alias: String) throws(QueryError)
    -> Value
  {
    if !value.isTruthy { return .bool(false) }
    if case .bool(true) = value { return .bool(false) }
    guard let parsed = parse(value, version: version) else { return .bool(false) }
    if let version, parsed.network.version != version { return .bool(false) }
    let text = query.pythonString()
    if case .string(let name) = query, let handler = handlers[name] { return handler(parsed) }
    if query.isTruthy, !text.allSatisfy(\.isNumber), let lookup = IPNetwork(parsing: text) {
      return lookup.contains(parsed.network) ? .string(parsed.text) : .none
    }
    guard query.doubleValue != nil || PythonNumber.parseFloat(text) != nil else {
      throw QueryError(message: "\(alias): unknown filter type: \(text)")
    }
    let network = parsed.network
    if network.size == 1 {
      return .string(parsed.isNetwork ? network.cidrText : network.ipText)
    }
    guard case .int(let index) = query else { return .bool(false) }
    let offset: UInt128
    if index >= 0 {
      offset = UInt128(index)
    } else {
      guard UInt128(-index) <= network.size else { return .bool(false) }
      offset = network.size - UInt128(-index)
    }
    guard offset < network.size else { return .bool(false) }
    let address = IPNetwork.format(network.first + offset, version: network.version)
    return .string("\(address)/\(network.prefixLength)")
  }

  /// An unknown query.
  struct QueryError: Error {
    /// The collection's message.
    var message: String
  }

  /// Parses a string, or a number as an integer address (IPv4 when it fits).
  static func parse(_ value: Value, version: Int?) -> Parsed? {
    let text = value.pythonString()
    if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
      guard let number = UInt128(text) else { return nil }
      let family = (version == nil || version == 4) && number <= UInt128(UInt32.max) ? 4 : 6
      guard family == 4 || version != 4 else { return nil }
      let network = IPNetwork(version: family, ip: number, prefixLength: family == 4 ? 32 : 128)
      return Parsed(network: network, isNetwork: false, text: network.cidrText)
    }
    guard let network = IPNetwork(parsing: text) else { return nil }
    return Parsed(network: network, isNetwork: text.contains("/"), text: text)
  }

  private static func text(_ bits: UInt128, _ network: IPNetwork) -> Value {
    .string(IPNetwork.format(bits, version: network.version))
  }

  /// The named queries.
  static let handlers: [String: @Sendable (Parsed) -> Value] = [
    "": { .string($0.isNetwork ? $0.network.cidrText : $0.network.ipText) },
    "address": address, "ip": address, "host": host, "net": net,
    "network": { text($0.network.network, $0.network) },
    "network_id": { text($0.network.network, $0.network) },
    "netmask": { text($0.network.netmask, $0.network) },
    "hostmask": { text($0.network.hostmask, $0.network) },
    "prefix": { .int($0.network.prefixLength) },
    "size": { sizeValue($0.network.size) },
    "cidr": { .string($0.network.cidrText) },
    "subnet": { .string("\($0.network.networkText)/\($0.network.prefixLength)") },
    "network/prefix": { .string("\($0.network.networkText)/\($0.network.prefixLength)") },
    "broadcast": { parsed in
      guard parsed.network.size > 2, let broadcast = parsed.network.broadcast else { return .none }
      return text(broadcast, parsed.network)
    },
    "version": { .int($0.network.version) },
    "type": {
      .string($0.network.size == 1 || $0.network.ip != $0.network.network ? "address" : "network")
    },
    "bool": { _ in .bool(true) },
    "int": { parsed in
      parsed.isNetwork
        ? .string("\(parsed.network.ip)/\(parsed.network.prefixLength)")
        : sizeValue(parsed.network.ip)
    },
    "private": { IPClassification.isGlobal($0.network) ? .none : .string($0.text) },
    "public": { IPClassification.isPublic($0.network) ? .string($0.text) : .none },
    "ipv4": ipv4, "v4": ipv4, "ipv6": ipv6, "v6": ipv6, "wrap": wrap,
    "loopback": { IPClassification.isLoopback($0.network) ? .string($0.text) : .none },
    "multicast": { IPClassification.isMulticast($0.network) ? .string($0.text) : .none },
    "link-local": { IPClassification.isLinkLocal($0.network) ? .string($0.text) : .none },
  ]

  private static func sizeValue(_ number: UInt128) -> Value {
    number <= UInt128(Int.max) ? .int(Int(number)) : .string(String(number))
  }

  private static func address(_ parsed: Parsed) -> Value {
    let network = parsed.network
    if network.size == 1 || network.ip != network.network || network.broadcast == nil
      || network.version == 6
    {
      return .string(network.ipText)
    }
    return .none
  }

  private static func host(_ parsed: Parsed) -> Value {
    let network = parsed.network
    if network.size == 1 { return .string(network.cidrText) }
    if network.ip != network.network || network.broadcast == nil {
      return .string(network.cidrText)
    }
    return .none
  }

  private static func net(_ parsed: Parsed) -> Value {
    let network = parsed.network
    guard network.size > 1, network.ip == network.network else { return .none }
    return .string("\(network.networkText)/\(network.prefixLength)")
  }

  private static func ipv4(_ parsed: Parsed) -> Value {
    let network = parsed.network
    guard network.version == 6 else { return .string(parsed.text) }
    let high = network.ip >> 32
    guard high == 0 || high == 0xffff, network.prefixLength >= 96 else { return .bool(false) }
    let converted = IPNetwork(
      version: 4, ip: network.ip & 0xffff_ffff, prefixLength: network.prefixLength - 96)
    return .string(converted.cidrText)
  }

  private static func ipv6(_ parsed: Parsed) -> Value {
    let network = parsed.network
    guard network.version == 4 else { return .string(parsed.text) }
    let converted = IPNetwork(
      version: 6, ip: 0xffff_0000_0000 | network.ip, prefixLength: network.prefixLength + 96)
    return .string(converted.cidrText)
  }

  private static func wrap(_ parsed: Parsed) -> Value {
    let network = parsed.network
    guard network.version == 6 else { return .string(parsed.text) }
    if parsed.isNetwork { return .string("[\(network.ipText)]/\(network.prefixLength)") }
    return .string("[\(network.ipText)]")
  }
}
