#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every git and source-tree error Kiln reports, with its text and hint, defined once.
extension GitError {
  /// `path` is not inside a git repository (nor is any parent directory).
  static func notARepository(_ path: String) -> GitError {
    GitError(
      code: .notARepository,
      message: "not a git repository (or any parent directory): \(path)",
      path: path,
      hint: "run kiln inside a clone of the configuration repository, or create one with"
        + " `git init`")
  }

  /// `revision` names no commit in the repository.
  static func unknownRevision(_ revision: String, reason: String? = nil) -> GitError {
    let detail = reason.map { ": \($0)" } ?? ""
    return GitError(
      code: .unknownRevision, message: "unknown revision '\(revision)'\(detail)",
      revision: revision,
      hint: "list commits with `git log --oneline` and branches and tags with"
        + " `git branch -a` and `git tag`")
  }

  /// A short id that matches more than one object.
  static func ambiguousRevision(_ revision: String) -> GitError {
    GitError(
      code: .unknownRevision,
      message: "revision '\(revision)' is ambiguous: more than one object id starts with it",
      revision: revision, hint: "give more hex digits of the commit id (`git log --oneline`)")
  }

  /// A file the caller requires is absent at the source's revision.
  static func pathMissing(_ path: String, in source: String) -> GitError {
    GitError(
      code: .pathMissing, message: "'\(path)' does not exist in \(source)", path: path,
      hint: "check the path's spelling, or whether it was committed at that revision"
        + " (`git ls-tree -r --name-only <rev>`)")
  }

  /// A system call failed on `path`; `errnoValue` is the C `errno` it left.
  static func io(_ operation: String, path: String, errno errnoValue: Int32) -> GitError {
    let reason = String(cString: strerror(errnoValue))
    return GitError(
      code: .io, message: "cannot \(operation) '\(path)': \(reason)", path: path,
      hint: "check that the path exists and is readable by this user")
  }

  /// `path` (or a directory on the way to it) is a symbolic link.
  static func symlink(_ path: String, in source: String) -> GitError {
    GitError(
      code: .symlink,
      message: "'\(path)' in \(source) is a symbolic link; Kiln does not follow links",
      path: path, hint: "replace the link with a regular file or directory")
  }

  /// A libgit2 call failed; the message carries libgit2's own explanation.
  static func libgit2(_ operation: String, path: String? = nil, revision: String? = nil)
    -> GitError
  {
    let detail = LibGit2.lastErrorMessage().map { ": \($0)" } ?? ""
    return GitError(
      code: .libgit2, message: "git could not \(operation)\(detail)", path: path,
      revision: revision,
      hint: "check the repository with `git fsck`; run the same command with the git CLI to"
        + " compare")
  }
}
