/// The bytes of a bundle and its signature files, as read from disk.
public struct BundleInput: Sendable {
  /// The archive (`NAME.kiln`).
  public var archive: [UInt8]
  /// The archive's file name, used in messages.
  public var archiveName: String
  /// The DSSE envelope file (`NAME.kiln.dsse.json`), if present.
  public var envelope: [UInt8]?
  /// Every minisign signature file: name and text.
  public var minisigns: [(name: String, text: String)]

  /// Creates the input.
  public init(
    archive: [UInt8], archiveName: String, envelope: [UInt8]?,
    minisigns: [(name: String, text: String)]
  ) {
    self.archive = archive
    self.archiveName = archiveName
    self.envelope = envelope
    self.minisigns = minisigns
  }
}

/// The last bundle an executor applied to an environment (anti-rollback state).
public struct AppliedBundle: Sendable, Hashable {
  /// Its version.
  public var version: UInt64
  /// Its archive's hex SHA-256.
  public var sha256: String

  /// Creates the record.
  public init(version: UInt64, sha256: String) {
    self.version = version
    self.sha256 = sha256
  }
}

/// A bundle that passed verification.
public struct VerifiedBundle: Sendable {
  /// The facts every counted signature agreed on.
  public var facts: PolicyFacts
  /// Hex SHA-256 of the archive.
  public var sha256: String
  /// Names of the distinct trusted keys that counted, sorted.
  public var signers: [String]
  /// The archive's entries.
  public var entries: [TarEntry]
  /// The manifest inside.
  public var manifest: BundleManifest
}
