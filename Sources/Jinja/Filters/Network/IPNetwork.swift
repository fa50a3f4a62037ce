import Foundation

/// An IP address with a prefix length, printed the way Python's `netaddr.IPNetwork` prints it.
public struct IPNetwork: Sendable, Equatable {
  /// 4 or 6.
  public var version: Int
  /// The address bits (IPv4 in the low 32 bits).
  public var ip: UInt128
  /// The prefix length.
  public var prefixLength: Int

  /// The number of bits of an address of this version.
  var width: Int { version == 4 ? 32 : 128 }

  /// All-ones in the address width.
  private var allOnes: UInt128 { version == 4 ? UInt128(UInt32.max) : UInt128.max }

  /// The host mask (`0.0.0.255` for a /24).
  var hostmask: UInt128 {
    let hostBits = width - prefixLength
    return hostBits >= 128 ? UInt128.max : (UInt128(1) << UInt128(hostBits)) - 1
  }

  /// The netmask (`255.255.255.0` for a /24).
  public var netmask: UInt128 { allOnes ^ hostmask }
  /// The network address.
  public var network: UInt128 { ip & netmask }
  /// The broadcast address; nil for /31, /32, /127 and /128 as in netaddr.
  var broadcast: UInt128? { width - prefixLength <= 1 ? nil : network | hostmask }
  /// The first address of the network.
  var first: UInt128 { network }
  /// The last address of the network.
  var last: UInt128 { network | hostmask }
  /// The number of addresses (saturating for a whole IPv6 space).
  var size: UInt128 { hostmask == UInt128.max ? UInt128.max : hostmask + 1 }

  /// Parses `a.b.c.d`, an IPv6 address, either with `/prefix` or `/netmask`; nil if invalid.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count <= 2, let address = IPNetwork.parseAddress(String(parts[0])) else {
      return nil
    }
    version = address.version
    ip = address.bits
    prefixLength = version == 4 ? 32 : 128
    if parts.count == 2 {
      guard let length = IPNetwork.parsePrefix(String(parts[1]), version: version) else {
        return nil
      }
      prefixLength = length
    }
  }

  /// Creates a network from its parts.
  init(version: Int, ip: UInt128, prefixLength: Int) {
    self.version = version
    self.ip = ip
    self.prefixLength = prefixLength
  }

  /// Parses a bare address; nil if it is not one.
  public static func parseAddress(_ text: String) -> (version: Int, bits: UInt128)? {
    if text.contains(":") {
      return parseIPv6(text).map { (6, $0) }
    }
    return parseIPv4(text).map { (4, UInt128($0)) }
  }

  private static func parsePrefix(_ text: String, version: Int) -> Int? {
    let width = version == 4 ? 32 : 128
    if !text.isEmpty, text.allSatisfy(\.isASCIIDigit) {
      guard text.count <= 3, let length = Int(text), length <= width else { return nil }
      return length
    }
    guard version == 4, let mask = parseIPv4(text) else { return nil }
    let ones = mask.nonzeroBitCount
    if mask == (ones == 0 ? 0 : UInt32.max << UInt32(32 - ones)) { return ones }
    let inverted = ~mask
    let hostOnes = inverted.nonzeroBitCount
    if inverted == (hostOnes == 0 ? 0 : UInt32.max << UInt32(32 - hostOnes)) {
      return 32 - mask.nonzeroBitCount
    }
    return nil
  }

  /// Parses dotted-quad IPv4 strictly (four decimal parts, no leading zeros), as inet_pton.
  static func parseIPv4(_ text: String) -> UInt32? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var value: UInt32 = 0
    for part in parts {
      guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit),
        part.count == 1 || part.first != "0", let byte = UInt32(part), byte <= 255
      else { return nil }
      value = value << 8 | byte
    }
    return value
  }

  /// Parses an IPv6 address with optional `::` and trailing dotted IPv4, as inet_pton.
  static func parseIPv6(_ text: String) -> UInt128? {
    let halves = text.components(separatedBy: "::")
    guard halves.count <= 2 else { return nil }
    guard let head = parseGroups(halves[0], allowIPv4: halves.count == 1) else { return nil }
    var groups = head
    if halves.count == 2 {
      guard let tail = parseGroups(halves[1], allowIPv4: true), head.count + tail.count <= 7 else {
        return nil
      }
      groups += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
    }
    guard groups.count == 8 else { return nil }
    return groups.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
  }

  private static func parseGroups(_ text: String, allowIPv4: Bool) -> [UInt16]? {
    if text.isEmpty { return [] }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    var groups: [UInt16] = []
    for (position, part) in parts.enumerated() {
      if allowIPv4, position == parts.count - 1, part.contains(".") {
        guard let v4 = parseIPv4(String(part)) else { return nil }
        groups += [UInt16(v4 >> 16), UInt16(v4 & 0xffff)]
      } else {
        guard !part.isEmpty, part.count <= 4, part.allSatisfy(\.isHexDigit),
          let group = UInt16(part, radix: 16)
        else {
          return nil
        }
        groups.append(group)
      }
    }
    return groups
  }

  /// Formats address bits of `version` as netaddr does (inet_ntop's compact IPv6 form).
  static func format(_ bits: UInt128, version: Int) -> String {
    if version == 4 { return formatIPv4(UInt32(truncatingIfNeeded: bits)) }
    let groups = (0..<8).map { UInt16(truncatingIfNeeded: bits >> UInt128(112 - 16 * $0)) }
    var bestStart = -1
    var bestLength = 0
    var start = -1
    for index in 0...8 {
      if index < 8, groups[index] == 0 {
        if start < 0 { start = index }
      } else if start >= 0 {
        if index - start > bestLength { (bestStart, bestLength) = (start, index - start) }
        start = -1
      }
    }
    if bestLength < 2 { bestStart = -1 }
    if bestStart == 0, bestLength == 6 || (bestLength == 5 && groups[5] == 0xffff) {
      let prefix = bestLength == 6 ? "::" : "::ffff:"
      return prefix + formatIPv4(UInt32(truncatingIfNeeded: bits))
    }
    var text = ""
    var index = 0
    while index < 8 {
      if index == bestStart {
        text += "::"
        index += bestLength
        continue
      }
      if !text.isEmpty, !text.hasSuffix(":") { text += ":" }
      text += String(groups[index], radix: 16)
      index += 1
    }
    return text
  }

  private static func formatIPv4(_ value: UInt32) -> String {
    (0..<4).map { String((value >> UInt32(24 - 8 * $0)) & 0xff) }.joined(separator: ".")
  }

  /// `str(v.ip)`.
  var ipText: String { IPNetwork.format(ip, version: version) }
  /// `str(v)`: `ip/prefix`.
  var cidrText: String { "\(ipText)/\(prefixLength)" }
  /// `str(v.network)`.
  var networkText: String { IPNetwork.format(network, version: version) }
  /// Whether `other`'s whole range lies inside this network.
  func contains(_ other: IPNetwork) -> Bool {
    other.version == version && other.first >= first && other.last <= last
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
