import Jinja

/// An IPv4 or IPv6 address of an address plan, parsed as the `ipaddr` filters parse it
/// (strict dotted quads without leading zeros; RFC 4291 IPv6 text with one `::` and an optional
/// trailing dotted quad). Two texts of one address compare equal (`2001:DB8:0::1`,
/// `2001:db8::1`).
struct IPAddress: Hashable, Sendable {
  /// 4 or 6.
  var version: Int
  /// The address bits (IPv4 in the low 32 bits).
  var bits: UInt128

  /// Parses an address without prefix, port or zone; nil for anything else.
  init?(_ text: String) {
    guard let parsed = IPNetwork.parseAddress(text) else { return nil }
    version = parsed.version
    bits = parsed.bits
  }
}

extension IPNetwork {
  /// Parses `10.0.0.0/24` or `2001:db8::/64` (host bits may be set); nil without a prefix.
  init?(cidr text: String) {
    guard text.contains("/") else { return nil }
    self.init(parsing: text)
  }

  /// Whether `address` is of the network's version and inside it.
  func contains(_ address: IPAddress) -> Bool {
    address.version == version && address.bits & netmask == network
  }
}
