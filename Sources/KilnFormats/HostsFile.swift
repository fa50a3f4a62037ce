import KilnDiagnostics

/// An `/etc/hosts` file: lines of an address followed by names; `#` starts a comment.
public struct HostsFile: Sendable, Hashable {
  /// The entries in file order.
  public var entries: [HostsEntry]

  /// Creates a hosts file.
  public init(entries: [HostsEntry] = []) {
    self.entries = entries
  }

  /// Every name with the addresses it resolves to, names in first-seen order.
  public func addressesByName() -> [(name: String, addresses: [String])] {
    var order: [String] = []
    var addresses: [String: [String]] = [:]
    for entry in entries {
      for name in entry.names {
        if addresses[name] == nil { order.append(name) }
        addresses[name, default: []].append(entry.address)
      }
    }
    return order.map { ($0, addresses[$0] ?? []) }
  }

  /// Path/value pairs for a semantic diff: name → addresses joined by `,`.
  public func semanticEntries() -> [(path: String, value: String)] {
    addressesByName().map { ($0.name, $0.addresses.joined(separator: ",")) }
  }

  /// The text: `address name…` per entry, separated by single spaces.
  public func write() -> String {
    entries.map { ([$0.address] + $0.names).joined(separator: " ") + "\n" }.joined()
  }

  /// Parses the file; an invalid address or an address without names is a located error.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> HostsFile {
    var entries: [HostsEntry] = []
    for (offset, raw) in try SourceLines(bytes, file: file).lines.enumerated() {
      let content = raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw[...]
      let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let address = fields.first else { continue }
      let location = SourceLocation(file: file, line: offset + 1, column: address.startIndex + 1)
      let text = String(scalars: address)
      guard isAddress(text) else {
        throw FormatDiagnostics.error(
          FormatDiagnostics.hostsSyntax, "expected an IPv4 or IPv6 address, found '\(text)'",
          at: location, hint: "start the line with the address, then the names")
      }
      guard fields.count > 1 else {
        throw FormatDiagnostics.error(
          FormatDiagnostics.hostsSyntax, "expected at least one host name after '\(text)'",
          at: SourceLocation(file: file, line: offset + 1, column: address.endIndex + 1),
          hint: "add the names this address resolves, or delete the line")
      }
      entries.append(
        HostsEntry(address: text, names: fields.dropFirst().map { String(scalars: $0) }, location: location))
    }
    return HostsFile(entries: entries)
  }

  /// Whether `text` is a dotted-quad IPv4 address or an IPv6 address (with optional zone).
  static func isAddress(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count == 4, parts.allSatisfy({ part in
      !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && (Int(part).map { $0 <= 255 } ?? false)
    }) {
      return true
    }
    let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
    guard address.contains(":"), address.count <= 45 else { return false }
    let groups = address.split(separator: ":", omittingEmptySubsequences: false)
    guard groups.count >= 3, groups.count <= 9 else { return false }
    let compressed = address.components(of: "::")
    guard compressed <= 1 else { return false }
    return groups.enumerated().allSatisfy { index, group in
      if group.isEmpty { return true }
      if index == groups.count - 1, group.contains(".") { return isAddress(String(group)) && group.split(separator: ".").count == 4 }
      return group.count <= 4 && group.allSatisfy(\.isHexDigit) && group.allSatisfy(\.isASCII)
    } && (compressed == 1 || groups.count == 8 || groups.last?.contains(".") == true)
  }
}

extension String {
  /// How many times `needle` occurs, not overlapping.
  fileprivate func components(of needle: String) -> Int {
    let haystack = Array(unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    var count = 0
    var index = 0
    while index + pattern.count <= haystack.count {
      if haystack[index..<(index + pattern.count)].elementsEqual(pattern) {
        count += 1
        index += pattern.count
      } else {
        index += 1
      }
    }
    return count
  }
}

/// One line of a hosts file.
public struct HostsEntry: Sendable, Hashable {
  /// The IP address.
  public var address: String
  /// The canonical name and aliases.
  public var names: [String]
  /// Where the line starts.
  public var location: SourceLocation?

  /// Creates an entry.
  public init(address: String, names: [String], location: SourceLocation? = nil) {
    self.address = address
    self.names = names
    self.location = location
  }
}
