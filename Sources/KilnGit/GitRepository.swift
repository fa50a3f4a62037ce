import CLibGit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open git repository (normal or bare; found from any subdirectory).
///
/// Every libgit2 call on it, and on the trees read from it, holds one lock, so a value can be
/// shared freely between tasks.
public final class GitRepository: @unchecked Sendable {
  /// The libgit2 handle; only touched while holding `lock`.
  let handle: OpaquePointer
  /// Serialises libgit2 calls on `handle` and on objects read from it.
  let lock = RepositoryLock()
  /// The root of the checkout, without a trailing '/'; nil for a bare repository.
  public let workingDirectory: String?
  /// The `.git` directory (or the bare repository's directory), without a trailing '/'.
  public let gitDirectory: String

  private init(handle: OpaquePointer) {
    self.handle = handle
    self.gitDirectory = Self.trimmingSlash(git_repository_path(handle).map { String(cString: $0) })
    if git_repository_is_bare(handle) == 1 {
      self.workingDirectory = nil
    } else {
      self.workingDirectory = git_repository_workdir(handle).map {
        Self.trimmingSlash(String(cString: $0))
      }
    }
  }

  deinit {
    git_repository_free(handle)
  }

  /// Opens the repository containing `path`, searching upward from it; `path` may also be a
  /// bare repository or a `.git` directory.
  public static func open(at path: String) throws(GitError) -> GitRepository {
    try LibGit2.ensureInitialized()
    guard !path.isEmpty, !path.utf8.contains(0) else { throw GitError.notARepository(path) }
    var status = stat()
    guard stat(path, &status) == 0 else { throw GitError.io("open", path: path, errno: errno) }
    var handle: OpaquePointer?
    let result = git_repository_open_ext(&handle, path, 0, nil)
    guard result == 0, let handle else {
      if result == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path) }
      throw GitError.libgit2("open the repository at '\(path)'", path: path)
    }
    return GitRepository(handle: handle)
  }

  /// The commit a revision names: `HEAD`, a branch, a tag (annotated or lightweight),
  /// `HEAD~2`, `main^`, a short or full id — anything `git rev-parse` accepts that peels to a
  /// commit.
  public func resolve(_ revision: String) throws(GitError) -> GitCommit {
    guard !revision.isEmpty, !revision.utf8.contains(0) else {
      throw GitError.unknownRevision(revision, reason: "a revision cannot be empty")
    }
    return try lock.run { () throws(GitError) -> GitCommit in
      var object: OpaquePointer?
      let result = git_revparse_single(&object, handle, revision)
      guard result == 0, let object else { throw revisionError(revision, result: result) }
      defer { git_object_free(object) }
      var peeled: OpaquePointer?
      guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else {
        let type = git_object_type2string(git_object_type(object)).map { String(cString: $0) }
        throw GitError.unknownRevision(
          revision, reason: "it names a \(type ?? "non-commit object"), not a commit")
      }
      defer { git_object_free(peeled) }
      return GitCommit(commit: peeled, revision: revision)
    }
  }

  /// The files of `commit`, read from the object database (never from the checkout or index).
  public func tree(at commit: GitCommit) throws(GitError) -> GitTreeSource {
    guard var oid = ObjectID.parse(commit.id) else {
      throw GitError.unknownRevision(commit.id, reason: "not a commit id")
    }
    let tree = try lock.run { () throws(GitError) -> OpaquePointer in
      var object: OpaquePointer?
      guard git_commit_lookup(&object, handle, &oid) == 0, let object else {
        throw GitError.unknownRevision(
          commit.revision, reason: "commit \(commit.shortID) is not in this repository")
      }
      defer { git_commit_free(object) }
      var tree: OpaquePointer?
      guard git_commit_tree(&tree, object) == 0, let tree else {
        throw GitError.libgit2("read the tree of commit \(commit.shortID)")
      }
      return tree
    }
    return GitTreeSource(repository: self, commit: commit, rootTree: tree)
  }

  /// The error for a failed `git_revparse_single`.
  private func revisionError(_ revision: String, result: Int32) -> GitError {
    if result == GIT_EAMBIGUOUS.rawValue { return GitError.ambiguousRevision(revision) }
    let failureClass = LibGit2.lastErrorClass()
    if failureClass == Int32(GIT_ERROR_OS.rawValue) || failureClass == Int32(GIT_ERROR_ODB.rawValue)
      || failureClass == Int32(GIT_ERROR_NOMEMORY.rawValue)
    {
      return GitError.libgit2("resolve revision '\(revision)'", revision: revision)
    }
    if git_repository_head_unborn(handle) == 1 {
      return GitError.unknownRevision(revision, reason: "the repository has no commits yet")
    }
    return GitError.unknownRevision(revision)
  }

  private static func trimmingSlash(_ path: String?) -> String {
    guard var path, !path.isEmpty else { return "" }
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    return path
  }
}
