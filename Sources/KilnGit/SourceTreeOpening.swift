#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension GitRepository {
  /// The configuration in `directory`: its working tree when `revision` is nil (no repository
  /// needed), else the same directory as committed at `revision`, read from the object
  /// database of the repository that contains it.
  public static func sourceTree(at directory: String, revision: String?) throws(GitError)
    -> any SourceTree
  {
    guard let revision else { return WorkingTreeSource(root: directory) }
    let repository = try GitRepository.open(at: directory)
    let tree = try repository.tree(at: repository.resolve(revision))
    let prefix = try repository.relativePath(of: directory)
    return prefix.isEmpty ? tree : SubdirectorySource(base: tree, prefix: prefix)
  }

  /// The path of `directory` relative to the working directory (`""` for its root, and for
  /// any directory of a bare repository). Symbolic links in either path are resolved first.
  public func relativePath(of directory: String) throws(GitError) -> String {
    guard let workingDirectory else { return "" }
    let target = try Self.resolvedPath(directory)
    let root = try Self.resolvedPath(workingDirectory)
    if target == root { return "" }
    let rootPrefix = root == "/" ? "/" : root + "/"
    guard target.hasPrefix(rootPrefix) else {
      throw GitError(
        code: .notARepository,
        message: "'\(directory)' is outside the working tree '\(workingDirectory)'",
        path: directory, hint: "run kiln inside the repository's working tree")
    }
    let relative = String(target.dropFirst(rootPrefix.count))
    if relative == ".git" || relative.hasPrefix(".git/") { return "" }
    return relative
  }

  private static func resolvedPath(_ path: String) throws(GitError) -> String {
    guard let resolved = realpath(path, nil) else {
      throw GitError.io("resolve", path: path, errno: errno)
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
