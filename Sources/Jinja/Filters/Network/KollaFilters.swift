/// kolla-ansible's address filters: kolla_address, put_address_in_context, kolla_url.
enum KollaFilters {
  /// The filters of this family by name.
  static let all: [String: Filter] = [
    "kolla_address": KollaAddress.filter, "put_address_in_context": putAddressInContext,
    "kolla_url": kollaURL,
  ]

  /// `put_address_in_context(context)`: `[addr]` for 'url', `inet6:[addr]` for 'memcache',
  /// Erlang tuple syntax for 'rabbitmq'; IPv4 addresses and names unchanged except for rabbitmq.
  static func putAddressInContext(
    _ value: Value, _ arguments: Arguments, _ context: CallContext
  ) throws -> Value {
    try arguments.check(["context"], "put_address_in_context", context)
    let address = try Builtins.text(value, context)
    let setting = try Builtins.text(arguments.value(0, "context", default: .none), context)
    return .string(try contextualize(address, setting, context))
  }

  private static func contextualize(_ address: String, _ setting: String, _ context: CallContext)
    throws -> String
  {
    guard ["url", "memcache", "rabbitmq"].contains(setting) else {
      throw context.error("Unknown context '\(setting)'", kind: .filter)
    }
    if !address.contains(":"), setting != "rabbitmq" { return address }
    switch setting {
    case "url": return "[\(address)]"
    case "memcache": return "inet6:[\(address)]"
    default:
      guard let parsed = IPNetwork.parseAddress(address) else {
        throw context.error(
          "'\(address)' does not appear to be an IPv4 or IPv6 address", kind: .filter)
      }
      guard parsed.version == 6 else { return address.replacingOccurrences(of: ".", with: ",") }
      return (0..<8).map { index in
        "16#"
          + String(UInt16(truncatingIfNeeded: parsed.bits >> UInt128(112 - 16 * index)), radix: 16)
      }.joined(separator: ",")
    }
  }

  /// `kolla_url(protocol, port, path='', context='url')`: the port left out when it is the
  /// protocol's default.
  static func kollaURL(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    try arguments.check(["protocol", "port", "path", "context"], "kolla_url", context)
    let fqdn = try contextualize(
      try Builtins.text(value, context),
      try Builtins.text(arguments.value(3, "context", default: .string("url")), context), context)
    let scheme = try Builtins.text(arguments.value(0, "protocol", default: .none), context)
    let port = try NumberFilters.int(
      arguments.value(1, "port", default: .none), Arguments(), context)
    let path = try Builtins.text(arguments.value(2, "path", default: .string("")), context)
    let defaults = ["http": 80, "https": 443, "ws": 80, "wss": 443]
    if case .int(let number) = port, defaults[scheme] == number {
      return .string("\(scheme)://\(fqdn)\(path)")
    }
    return .string("\(scheme)://\(fqdn):\(port.pythonString())\(path)")
  }
}
