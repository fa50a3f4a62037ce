import Foundation
import KilnCompiler
import KilnModel

/// The `manifest.json` inside a bundle, as read back for verification.
public struct BundleManifest: Sendable, Hashable, Codable {
  /// One file of the manifest.
  public struct File: Sendable, Hashable, Codable {
    /// Inventory hostname.
    public var host: String
    /// Destination path on the host.
    public var path: String
    /// Hex SHA-256 of the contents.
    public var sha256: String
    /// Size in bytes.
    public var size: Int
    /// Four octal digits.
    public var mode: String
    /// Owning service.
    public var service: String
    /// Format name.
    public var format: String
    /// Whether the file carries secret material.
    public var secret: Bool
  }

  /// Manifest format version.
  public var kiln: Int
  /// The environment rendered.
  public var env: String
  /// `commit <id>`.
  public var source: String
  /// Every file, sorted by host then path.
  public var files: [File]

  /// The archive path of a manifest file: `files/<host>/<path>`.
  public static func archivePath(host: String, path: String) -> String {
    "files/\(host)/\(path)"
  }

  /// Checks `entries` (the whole archive) against the manifest inside them and `facts`.
  static func check(entries: [TarEntry], facts: PolicyFacts) throws(BundleRejection)
    -> BundleManifest
  {
    guard let manifestEntry = entries.first(where: { $0.path == "manifest.json" }) else {
      throw BundleRejection(.manifestMismatch, "the archive has no manifest.json")
    }
    let manifest: BundleManifest
    do {
      manifest = try JSONDecoder().decode(BundleManifest.self, from: Data(manifestEntry.contents))
    } catch {
      throw BundleRejection(.manifestMismatch, "manifest.json is not a Kiln manifest")
    }
    guard manifest.env == facts.env, manifest.source == "commit \(facts.commit)" else {
      throw BundleRejection(
        .manifestMismatch,
        "manifest.json names env '\(manifest.env)' and \(manifest.source), the signatures "
          + "env '\(facts.env)' and commit \(facts.commit)")
    }
    var expected: [String: File] = [:]
    for file in manifest.files {
      let path = archivePath(host: file.host, path: file.path)
      guard expected.updateValue(file, forKey: path) == nil else {
        throw BundleRejection(.duplicatePath, "manifest.json lists '\(path)' twice")
      }
    }
    for entry in entries
    where entry.path != "manifest.json" && !isSupplement(entry.path)
      && !BundleSecrets.isSecretPath(entry.path)
    {
      try checkEntry(entry, against: expected.removeValue(forKey: entry.path))
    }
    if let missing = expected.keys.sorted().first {
      throw BundleRejection(
        .manifestMismatch, "manifest.json lists '\(missing)', absent from the archive")
    }
    try BundleSecrets.check(entries: entries, manifest: manifest)
    return manifest
  }

  /// Whether `path` is an entry of the rollout plan the manifest does not list:
  /// `rollout.json` or `health/<file>` (one component of `[A-Za-z0-9._-]`, not hidden).
  static func isSupplement(_ path: String) -> Bool {
    if path == RolloutPlan.archivePath { return true }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0] == "health", let name = parts.last else { return false }
    return !name.isEmpty && !name.hasPrefix(".")
      && name.utf8.allSatisfy {
        ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
          || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
      }
  }

  private static func checkEntry(_ entry: TarEntry, against file: File?) throws(BundleRejection) {
    guard let file else {
      throw BundleRejection(
        .manifestMismatch, "'\(entry.path)' is in the archive but not in manifest.json")
    }
    let digest = Digest.sha256Hex(entry.contents)
    guard digest == file.sha256, entry.contents.count == file.size,
      UInt16(file.mode, radix: 8) == entry.mode
    else {
      throw BundleRejection(
        .manifestMismatch,
        "'\(entry.path)' differs from manifest.json (sha256, size or mode)")
    }
  }
}
