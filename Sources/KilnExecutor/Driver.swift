import KilnBundle

#if canImport(Glibc)
  import Glibc
#endif

/// Turns a staged file's placeholder bytes into the bytes a host gets (secrets substituted).
public protocol SecretResolver: Sendable {
  /// The installable bytes of `content`, a file of `release` marked `secret`.
  func reveal(_ content: [UInt8], release: Release) throws(ExecutorError) -> [UInt8]
}

/// What a driver needs besides the release and hosts.
public struct DriverContext: Sendable {
  /// Directory for captured output and temporary trees of this run (`DIR/journal/<run>`).
  public var runDirectory: String
  /// A label for log files and prefixes (`wave2`, `rollback`).
  public var label: String
  /// Seconds a driver command may run.
  public var timeout: Double
  /// Resolves secret files; nil when the bundle carries no encrypted secrets.
  public var secrets: (any SecretResolver)?
  /// Receives progress.
  public var report: @Sendable (ApplyEvent) -> Void

  /// Creates a context.
  public init(
    runDirectory: String, label: String, timeout: Double, secrets: (any SecretResolver)?,
    report: @escaping @Sendable (ApplyEvent) -> Void
  ) {
    self.runDirectory = runDirectory
    self.label = label
    self.timeout = timeout
    self.secrets = secrets
    self.report = report
  }

  /// The bytes `host` gets for `file` of `release`.
  func installable(_ file: BundleManifest.File, of release: Release) throws(ExecutorError)
    -> [UInt8]
  {
    let bytes = try release.contents(of: file)
    guard file.secret, let secrets else { return bytes }
    return try secrets.reveal(bytes, release: release)
  }

  /// Reports a line of driver output and appends it to `driver-<label>.log` in the run directory.
  func emit(_ prefix: String, _ line: String) {
    report(.output(prefix: prefix, line: line))
    let path = runDirectory + "/driver-\(label).log"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array("\(prefix) | \(line)\n".utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }

  /// The mode a host gets for `file`: secret files are 0600.
  static func mode(of file: BundleManifest.File) -> UInt16 {
    file.secret ? 0o600 : Release.mode(of: file)
  }
}

/// Installs a release's files on hosts: `copy`, `kolla` or a command template (design §7).
public protocol Driver: Sendable {
  /// The driver's name for messages.
  var name: String { get }

  /// Puts `hosts` on `release` (nil: remove what Kiln installed, for hosts new in a failed
  /// rollout); returns the hosts that failed with the reason, empty on success.
  func install(_ release: Release?, hosts: [String], context: DriverContext) throws(ExecutorError)
    -> [String: String]

  /// Removes installed copies of releases not in `keep` (digests).
  func prune(keeping keep: Set<String>)
}

extension Driver {
  /// Drivers that keep no local copies have nothing to prune.
  public func prune(keeping keep: Set<String>) {}
}
