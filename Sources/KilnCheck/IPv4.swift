/// IPv4 addresses and networks, enough to check an address plan.
struct IPv4Address: Hashable, Sendable {
  var value: UInt32

  /// Parses dotted-quad text (`10.0.0.11`); nil for anything else.
  init?(_ text: some StringProtocol) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var value: UInt32 = 0
    for part in parts {
      guard (1...3).contains(part.count), part.allSatisfy(\.isASCII),
        let octet = UInt32(part), octet <= 255
      else { return nil }
      value = value << 8 | octet
    }
    self.value = value
  }
}

/// An IPv4 network written as `10.0.0.0/24`.
struct IPv4Network: Sendable {
  var base: UInt32
  var prefix: Int

  init?(_ text: String) {
    let parts = text.split(separator: "/")
    guard parts.count == 2, let address = IPv4Address(parts[0]), let prefix = Int(parts[1]),
      (0...32).contains(prefix)
    else { return nil }
    self.prefix = prefix
    self.base = address.value & Self.mask(prefix)
  }

  func contains(_ address: IPv4Address) -> Bool {
    address.value & Self.mask(prefix) == base
  }

  private static func mask(_ prefix: Int) -> UInt32 {
    prefix == 0 ? 0 : UInt32.max << UInt32(32 - prefix)
  }
}
