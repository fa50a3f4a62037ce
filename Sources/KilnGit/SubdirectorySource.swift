/// A source tree seen from one of its subdirectories: every path is taken relative to
/// `prefix`, so a configuration repository kept in a subdirectory of a git repository reads
/// the same at a commit as in the working tree.
public struct SubdirectorySource: SourceTree {
  /// The whole source.
  public let base: any SourceTree
  /// The subdirectory, normalised ('/'-separated, no leading or trailing '/'; `""` = root).
  public let prefix: String

  /// A view of `base` rooted at `prefix`.
  public init(base: any SourceTree, prefix: String) {
    self.base = base
    self.prefix = RelativePath(prefix)?.text ?? prefix
  }

  /// The base's name, followed by the subdirectory when there is one.
  public var displayName: String {
    prefix.isEmpty ? base.displayName : "\(base.displayName), directory '\(prefix)'"
  }

  /// The file's bytes at `prefix/path`.
  public func readFile(_ path: String) throws(GitError) -> [UInt8]? {
    guard let full = fullPath(path) else { return nil }
    return try base.readFile(full)
  }

  /// The entries of the directory at `prefix/path`.
  public func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]? {
    guard let full = fullPath(path) else { return nil }
    return try base.listDirectory(full)
  }

  /// The content id of `prefix/path`.
  public func contentID(_ path: String) throws(GitError) -> String? {
    guard let full = fullPath(path) else { return nil }
    return try base.contentID(full)
  }

  /// `prefix/path`, or nil when `path` cannot name anything (so it cannot climb out).
  private func fullPath(_ path: String) -> String? {
    guard let relative = RelativePath(path) else { return nil }
    if prefix.isEmpty { return relative.text }
    return relative.isRoot ? prefix : prefix + "/" + relative.text
  }
}
