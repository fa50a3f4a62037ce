/// netaddr's address classes (IANA special-purpose registries), for `private`, `public`,
/// `loopback`, `multicast` and `link-local` queries.
enum IPClassification {
  private static func networks(_ texts: [String]) -> [IPNetwork] {
    texts.compactMap { IPNetwork(parsing: $0) }
  }

  private static let notGlobal4 = networks([
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/24", "192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16",
    "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32",
  ])
  private static let globalExceptions4 = networks(["192.0.0.9/32", "192.0.0.10/32"])
  private static let notGlobal6 = networks([
    "::1/128", "::/128", "::ffff:0:0/96", "64:ff9b:1::/48", "100::/64", "2001::/23",
    "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10",
  ])
  private static let globalExceptions6 = networks([
    "2001:1::1/128", "2001:1::2/128", "2001:3::/32", "2001:4:112::/48", "2001:20::/28",
    "2001:30::/28",
  ])

  private static func address(_ network: IPNetwork) -> IPNetwork {
    IPNetwork(version: network.version, ip: network.ip, prefixLength: network.width)
  }

  /// netaddr's `IPAddress.is_global()` of the network's address.
  static func isGlobal(_ network: IPNetwork) -> Bool {
    let ip = address(network)
    let (blocked, allowed) =
      network.version == 4 ? (notGlobal4, globalExceptions4) : (notGlobal6, globalExceptions6)
    return !blocked.contains { $0.contains(ip) } || allowed.contains { $0.contains(ip) }
  }

  /// The collection's `public` query: unicast, global, not loopback, not a net/host mask.
  static func isPublic(_ network: IPNetwork) -> Bool {
    let ip = address(network)
    let allOnes: UInt128 = network.version == 4 ? UInt128(UInt32.max) : UInt128.max
    let isHostmask = ip.ip == allOnes || (ip.ip + 1) & ip.ip == 0
    let inverted = ip.ip ^ allOnes
    let isNetmask = inverted == allOnes || (inverted + 1) & inverted == 0
    return !isMulticast(ip) && isGlobal(ip) && !isLoopback(ip) && !isNetmask && !isHostmask
  }

  /// In 127.0.0.0/8 or ::1.
  static func isLoopback(_ network: IPNetwork) -> Bool {
    let block = IPNetwork(parsing: network.version == 4 ? "127.0.0.0/8" : "::1/128")
    return block?.contains(address(network)) ?? false
  }

  /// The whole network lies in 224.0.0.0/4 or ff00::/8.
  static func isMulticast(_ network: IPNetwork) -> Bool {
    let block = IPNetwork(parsing: network.version == 4 ? "224.0.0.0/4" : "ff00::/8")
    return block?.contains(network) ?? false
  }

  /// In 169.254.0.0/16 or fe80::/10.
  static func isLinkLocal(_ network: IPNetwork) -> Bool {
    let block = IPNetwork(parsing: network.version == 4 ? "169.254.0.0/16" : "fe80::/10")
    return block?.contains(address(network)) ?? false
  }
}
