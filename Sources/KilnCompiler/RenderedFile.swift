/// One compiled file for one host: what `render` writes and what a bundle seals.
public struct RenderedFile: Sendable, Hashable {
  /// Inventory hostname the file belongs to.
  public var host: String
  /// Destination path relative to the host's root, e.g. `mariadb/galera.cnf`.
  public var path: String
  /// The file's bytes.
  public var contents: [UInt8]
  /// POSIX permission bits, e.g. `0o640`.
  public var mode: UInt16
  /// The service that owns the file.
  public var service: String
  /// The format that drives parse-back validation and semantic diff (`ini`, `json`, …).
  public var format: String
  /// Whether the file carries secret material.
  public var isSecret: Bool

  public init(
    host: String, path: String, contents: [UInt8], mode: UInt16, service: String,
    format: String, isSecret: Bool
  ) {
    self.host = host
    self.path = path
    self.contents = contents
    self.mode = mode
    self.service = service
    self.format = format
    self.isSecret = isSecret
  }

  /// Hex SHA-256 of the contents.
  public var sha256: String { Digest.sha256Hex(contents) }

  /// Mode as four octal digits, e.g. `0640`.
  public var octalMode: String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}

extension Array where Element == RenderedFile {
  /// Sorted by host, then path (byte order): the one output order.
  public func sortedForOutput() -> [RenderedFile] {
    sorted { a, b in
      a.host != b.host
        ? a.host.utf8.lexicographicallyPrecedes(b.host.utf8)
        : a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
    }
  }
}
