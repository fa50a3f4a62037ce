#if canImport(Glibc)
  import Glibc
#endif

/// Why `kiln apply` stopped before or outside a rollout: an I/O failure with its path and errno,
/// a held lock, a damaged state directory or a missing input.
public struct ExecutorError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kinds of failure.
  public enum Kind: String, Sendable, Hashable {
    /// A file system call failed.
    case io
    /// Another executor holds the state directory's lock.
    case locked
    /// The state directory or a staged release is not what Kiln wrote.
    case damagedState
    /// The caller asked for something impossible (unknown host, no release to roll back to).
    case usage
    /// The bundle carries secret files and no identity was given, or a secret cannot be read.
    case secrets
  }

  /// The kind of failure.
  public var kind: Kind
  /// What went wrong, naming the path or host.
  public var message: String
  /// What to do about it.
  public var hint: String?

  /// Creates an error.
  public init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }

  /// An I/O failure of `operation` on `path`, with the current errno's text.
  public static func io(_ operation: String, _ path: String) -> ExecutorError {
    let reason = String(cString: strerror(errno))
    return ExecutorError(
      .io, "\(operation) \(path): \(reason)",
      hint: "check permissions and free space of the state directory and host roots")
  }

  /// `apply failed (kind): message` and the hint on its own line.
  public var description: String {
    var text = "apply failed (\(kind.rawValue)): \(message)"
    if let hint { text += "\n  hint: \(hint)" }
    return text
  }
}
