/// `ansible.utils` address filters: ipaddr, ipv4, ipv6, ipwrap (also under their full names).
enum NetworkFilters {
  /// The filters of this family by name.
  /// Only the full `ansible.utils.` names exist, as in Ansible without a `collections:` list.
  static let all: [String: Filter] = [
    "ansible.utils.ipaddr": { try ipaddr($0, $1, $2, version: nil, name: "ipaddr") },
    "ansible.utils.ipv4": { try ipaddr($0, $1, $2, version: 4, name: "ipv4") },
    "ansible.utils.ipv6": { try ipaddr($0, $1, $2, version: 6, name: "ipv6") },
    "ansible.utils.ipwrap": ipwrap,
  ]

  /// Python's `str(type(value))`, as the collection's type errors show it.
  static func pythonType(_ value: Value) -> String { "<class '\(value.typeName)'>" }

  private static func queryValue(_ arguments: Arguments, _ name: String, _ context: CallContext)
    throws -> Value
  {
    try arguments.check(["query"], name, context)
    let query = arguments.value(0, "query", default: .string(""))
    try Builtins.requireDefined(query, context)
    return query
  }

  /// `ipaddr(query='')`, `ipv4(query='')`, `ipv6(query='')`: a string, a number or a list
  /// (then the truthy results).
  static func ipaddr(
    _ value: Value, _ arguments: Arguments, _ context: CallContext, version: Int?, name: String
  ) throws -> Value {
    let query = try queryValue(arguments, name, context)
    switch value {
    case .string, .int, .bool, .list: break
    default:
      throw context.error(
        "Unrecognized type \(pythonType(value)) for \(name) filter <value>", kind: .filter)
    }
    do {
      if case .list(let items) = value {
        return .list(
          try items.map { (item) throws(IPAddressQuery.QueryError) in
            try IPAddressQuery.query(
              item, .string(query.pythonString()), version: version, alias: name)
          }.filter(\.isTruthy))
      }
      return try IPAddressQuery.query(value, query, version: version, alias: name)
    } catch {
      throw context.error(error.message, kind: .filter)
    }
  }

  /// `ipwrap(query='')`: IPv6 addresses wrapped in brackets; anything else unchanged.
  static func ipwrap(_ value: Value, _ arguments: Arguments, _ context: CallContext) throws
    -> Value
  {
    let query = try queryValue(arguments, "ipwrap", context)
    switch value {
    case .string, .list, .bool: break
    default:
      throw context.error(
        "Unrecognized type \(pythonType(value)) for ipwrap filter <value>", kind: .filter)
    }
    func wrapped(_ item: Value) -> Value {
      guard let selected = try? IPAddressQuery.query(item, query, version: nil, alias: "ipwrap"),
        selected.isTruthy,
        let result = try? IPAddressQuery.query(item, .string("wrap"), version: nil, alias: "ipwrap")
      else { return item }
      return result
    }
    if case .list(let items) = value { return .list(items.map(wrapped)) }
    guard let selected = try? IPAddressQuery.query(value, query, version: nil, alias: "ipwrap"),
      selected.isTruthy
    else { return value }
    return (try? IPAddressQuery.query(selected, .string("wrap"), version: nil, alias: "ipwrap"))
      ?? value
  }
}
