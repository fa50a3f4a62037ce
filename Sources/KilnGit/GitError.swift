import KilnDiagnostics

/// A failure to read the configuration repository: one line naming the path or revision, a
/// diagnostic with a stable ID and a hint, mapped to exit code 2 by the command line.
public struct GitError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: Sendable, Hashable {
    /// The directory is not inside a git repository (KLN010).
    case notARepository
    /// The revision names no commit (KLN011).
    case unknownRevision
    /// The path does not exist at that revision (KLN012).
    case pathMissing
    /// Reading a file or directory failed (KLN013).
    case io
    /// The path is a symbolic link, which Kiln does not follow (KLN014).
    case symlink
    /// Any other libgit2 failure (KLN019).
    case libgit2
  }

  /// What kind of failure this is.
  public var code: Code
  /// The one-line message, without the diagnostic ID.
  public var message: String
  /// The path the failure concerns (file, directory or repository), if any.
  public var path: String?
  /// The revision the failure concerns, if any.
  public var revision: String?
  /// The diagnostic to print: ID `KLN010`…`KLN019`, message and hint.
  public var diagnostic: Diagnostic

  /// Creates an error; the diagnostic ID follows from the code.
  public init(
    code: Code, message: String, path: String? = nil, revision: String? = nil,
    hint: String? = nil
  ) {
    self.code = code
    self.message = message
    self.path = path
    self.revision = revision
    self.diagnostic = Diagnostic(
      id: code.diagnosticID, message: message, location: path.map(SourceLocation.file),
      hint: hint)
  }

  /// The diagnostic's one-line text: `path: error[KLN012]: message`.
  public var description: String { diagnostic.description }
}

extension GitError.Code {
  /// The stable diagnostic ID of this kind of failure.
  public var diagnosticID: DiagnosticID {
    switch self {
    case .notARepository: "KLN010"
    case .unknownRevision: "KLN011"
    case .pathMissing: "KLN012"
    case .io: "KLN013"
    case .symlink: "KLN014"
    case .libgit2: "KLN019"
    }
  }
}
