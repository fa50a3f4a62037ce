import Foundation
import KilnBundle
import KilnCompiler
import KilnModel

/// A staged release: `DIR/releases/<digest>/` holding a verified bundle's entries and
/// `release.json` (its facts). Installs read file contents from here, checked against the
/// manifest's digests.
public struct Release: Sendable {
  /// What `release.json` records.
  public struct Record: Sendable, Hashable, Codable {
    /// The bundle archive's hex SHA-256.
    public var digest: String
    /// The facts its signatures bound.
    public var facts: PolicyFacts
    /// The trusted keys that signed it.
    public var signers: [String]
  }

  /// The archive digest naming the release.
  public let digest: String
  /// The release directory.
  public let directory: String
  /// The facts the bundle's signatures bound.
  public let facts: PolicyFacts
  /// The bundle's manifest.
  public let manifest: BundleManifest
  /// The rollout plan (a single all-hosts wave when the bundle carries none).
  public let plan: RolloutPlan

  /// Writes `bundle` to `DIR/releases/<digest>/` (beside, then renamed into place; every file
  /// and directory fsynced), or reuses a complete earlier staging of the same digest.
  public static func stage(_ bundle: VerifiedBundle, in state: StateDirectory)
    throws(ExecutorError) -> Release
  {
    let directory = state.releaseDirectory(bundle.sha256)
    if !DurableFiles.exists(directory) {
      let temporary = DurableFiles.sibling(directory, "staging")
      try DurableFiles.removeTree(temporary)
      try DurableFiles.makeDirectory(temporary)
      var directories: Set<String> = [temporary]
      for entry in bundle.entries {
        let path = temporary + "/" + entry.path
        let parent = DurableFiles.parent(of: path)
        if directories.insert(parent).inserted { try DurableFiles.makeDirectory(parent) }
        try DurableFiles.write(entry.contents, to: path, mode: entry.mode)
      }
      let record = Record(digest: bundle.sha256, facts: bundle.facts, signers: bundle.signers)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
      try DurableFiles.write(
        (try? Array(encoder.encode(record))) ?? [], to: temporary + "/release.json", mode: 0o644)
      for directory in directories.sorted(by: { $0.count > $1.count }) {
        try DurableFiles.syncDirectory(directory)
      }
      try DurableFiles.rename(temporary, to: directory)
    }
    return try open(bundle.sha256, in: state)
  }

  /// Opens the staged release `digest`.
  public static func open(_ digest: String, in state: StateDirectory) throws(ExecutorError)
    -> Release
  {
    let directory = state.releaseDirectory(digest)
    func damaged(_ what: String) -> ExecutorError {
      ExecutorError(
        .damagedState, "release \(digest): \(what)",
        hint: "remove \(directory) and apply its bundle again")
    }
    guard let recordBytes = DurableFiles.read(directory + "/release.json"),
      let record = try? JSONDecoder().decode(Record.self, from: Data(recordBytes)),
      record.digest == digest
    else { throw damaged("release.json is missing or unreadable") }
    guard let manifestBytes = DurableFiles.read(directory + "/manifest.json"),
      let manifest = try? JSONDecoder().decode(BundleManifest.self, from: Data(manifestBytes))
    else { throw damaged("manifest.json is missing or unreadable") }
    var plan = RolloutPlan(
      env: record.facts.env,
      hosts: Self.hostsInOrder(manifest).map { RolloutPlan.Host(name: $0, groups: []) })
    if let bytes = DurableFiles.read(directory + "/" + RolloutPlan.archivePath) {
      guard let decoded = try? JSONDecoder().decode(RolloutPlan.self, from: Data(bytes)) else {
        throw damaged("rollout.json is unreadable")
      }
      plan = decoded
    }
    return Release(
      digest: digest, directory: directory, facts: record.facts, manifest: manifest, plan: plan)
  }

  private static func hostsInOrder(_ manifest: BundleManifest) -> [String] {
    var seen: Set<String> = []
    return manifest.files.map(\.host).filter { seen.insert($0).inserted }
  }

  /// The manifest entries of `host`, sorted by path.
  public func files(of host: String) -> [BundleManifest.File] {
    manifest.files.filter { $0.host == host }
  }

  /// Whether the release has any file for `host`.
  public func contains(host: String) -> Bool {
    manifest.files.contains { $0.host == host } || plan.hosts.contains { $0.name == host }
  }

  /// The services with files on `host`, sorted.
  public func services(of host: String) -> [String] {
    Set(files(of: host).map(\.service)).sorted()
  }

  /// The staged bytes of `file`, refused unless they match the manifest's digest.
  public func contents(of file: BundleManifest.File) throws(ExecutorError) -> [UInt8] {
    let path = directory + "/" + BundleManifest.archivePath(host: file.host, path: file.path)
    guard let bytes = DurableFiles.read(path), Digest.sha256Hex(bytes) == file.sha256 else {
      throw ExecutorError(
        .damagedState, "\(path) does not match the release manifest",
        hint: "remove \(directory) and apply its bundle again")
    }
    return bytes
  }

  /// The file's mode bits.
  public static func mode(of file: BundleManifest.File) -> UInt16 {
    UInt16(file.mode, radix: 8) ?? 0o644
  }
}
