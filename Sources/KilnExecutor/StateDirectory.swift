import Foundation
import KilnBundle

#if canImport(Glibc)
  import Glibc
#endif

/// The executor's state directory (`--state DIR`):
///
///     DIR/lock                       flock(2)ed while an executor runs
///     DIR/applied.json               last applied version and digest per env (anti-rollback)
///     DIR/releases/<digest>/         staged releases: the bundle's entries plus release.json
///     DIR/current -> releases/<d>    the release last applied successfully
///     DIR/previous -> releases/<d>   the release before it (the rollback target)
///     DIR/journal/journal.jsonl      append-only journal, one JSON record per step
///     DIR/journal/<run>/             captured driver and health output of one run
public struct StateDirectory: Sendable {
  /// The directory.
  public let path: String

  /// The state directory at `path` (nothing is created until `prepare()`).
  public init(path: String) {
    self.path = URL(fileURLWithPath: path).standardizedFileURL.path
  }

  /// `DIR/releases`.
  public var releasesDirectory: String { path + "/releases" }
  /// `DIR/journal`.
  public var journalDirectory: String { path + "/journal" }
  /// `DIR/applied.json`.
  public var appliedPath: String { path + "/applied.json" }
  /// `DIR/current`.
  public var currentLink: String { path + "/current" }
  /// `DIR/previous`.
  public var previousLink: String { path + "/previous" }

  /// `DIR/releases/<digest>`.
  public func releaseDirectory(_ digest: String) -> String { releasesDirectory + "/" + digest }

  /// Creates the directory layout (after verification succeeded: a rejected bundle changes
  /// nothing on disk).
  public func prepare() throws(ExecutorError) {
    try DurableFiles.makeDirectory(releasesDirectory)
    try DurableFiles.makeDirectory(journalDirectory)
  }

  /// The digest `DIR/current` points at.
  public var current: String? { digest(of: currentLink) }
  /// The digest `DIR/previous` points at.
  public var previous: String? { digest(of: previousLink) }

  private func digest(of link: String) -> String? {
    DurableFiles.linkTarget(link).map { URL(fileURLWithPath: $0).lastPathComponent }
  }

  /// Points `DIR/current` (or `previous`) at a release, or removes the link for nil.
  func point(_ link: String, at digest: String?) throws(ExecutorError) {
    guard let digest else { return try DurableFiles.remove(link) }
    guard self.digest(of: link) != digest else { return }
    try DurableFiles.switchLink(link, to: "releases/" + digest)
  }

  /// The last applied bundle per environment, from `applied.json`.
  public func applied() throws(ExecutorError) -> [String: AppliedBundle] {
    guard let bytes = DurableFiles.read(appliedPath) else { return [:] }
    guard
      let records = try? JSONDecoder().decode([String: AppliedRecord].self, from: Data(bytes))
    else {
      throw ExecutorError(.damagedState, "\(appliedPath) is not Kiln's anti-rollback state")
    }
    return records.mapValues { AppliedBundle(version: $0.version, sha256: $0.sha256) }
  }

  /// Records `bundle` as the last one applied to `env` (atomically, fsynced).
  func recordApplied(_ bundle: AppliedBundle, env: String) throws(ExecutorError) {
    var records = try applied().mapValues { AppliedRecord(version: $0.version, sha256: $0.sha256) }
    records[env] = AppliedRecord(version: bundle.version, sha256: bundle.sha256)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    let bytes = ((try? Array(encoder.encode(records))) ?? []) + [UInt8(ascii: "\n")]
    try DurableFiles.replace(appliedPath, with: bytes)
  }

  struct AppliedRecord: Codable {
    var version: UInt64
    var sha256: String
  }

  /// Takes `DIR/lock` (exclusive, non-blocking); the lock ends with the returned descriptor or
  /// the process.
  public func lock() throws(ExecutorError) -> StateLock {
    let lockPath = path + "/lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .io("open", lockPath) }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      let holder = DurableFiles.read(lockPath).map { String(decoding: $0, as: UTF8.self) } ?? "?"
      close(descriptor)
      throw ExecutorError(
        .locked,
        "another kiln apply (pid \(holder.trimmingCharacters(in: .whitespacesAndNewlines))) "
          + "holds \(lockPath)",
        hint: "wait for it to finish; the lock is released when that process ends")
    }
    ftruncate(descriptor, 0)
    let pid = Array("\(getpid())\n".utf8)
    _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    return StateLock(descriptor: descriptor)
  }
}

/// A held state directory lock.
public final class StateLock: Sendable {
  private let descriptor: Int32

  init(descriptor: Int32) { self.descriptor = descriptor }

  deinit { close(descriptor) }
}
