/// One regular file in a bundle archive.
public struct TarEntry: Sendable, Hashable {
  /// Relative path inside the archive, `/`-separated.
  public var path: String
  /// POSIX permission bits.
  public var mode: UInt16
  /// The file's bytes.
  public var contents: [UInt8]

  /// Creates an entry.
  public init(path: String, mode: UInt16, contents: [UInt8]) {
    self.path = path
    self.mode = mode
    self.contents = contents
  }
}

/// Errors a caller made when asking for an archive (not a property of untrusted input).
public struct TarWriteError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What cannot be written.
  public var message: String
  /// Creates the error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}
