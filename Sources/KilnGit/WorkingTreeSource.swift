#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The files of a plain directory (normally a checkout), behind the same protocol as a commit.
///
/// `.git` is skipped at every level. Content ids are git's blob hashes of the bytes on disk
/// (no clean filters such as `core.autocrlf` are applied), so an unchanged file has the same
/// id here as in `GitTreeSource`. Symbolic links are listed but never followed.
public struct WorkingTreeSource: SourceTree {
  /// The directory the paths are relative to.
  public let root: String

  /// A source over the files under `root`.
  public init(root: String) {
    var trimmed = root
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    self.root = trimmed
  }

  /// "working tree".
  public var displayName: String { "working tree" }

  /// The file's bytes; nil if there is no regular file there; throws `.symlink` for a link.
  public func readFile(_ path: String) throws(GitError) -> [UInt8]? {
    guard let relative = RelativePath(path), !relative.isRoot,
      let found = try lookUp(relative)
    else { return nil }
    switch found.kind {
    case .file, .executable: return try FileSystem.readFile(found.absolute, shownAs: relative.text)
    case .symlink: throw GitError.symlink(relative.text, in: displayName)
    case .directory, .submodule: return nil
    }
  }

  /// The directory's entries (without `.git`), sorted by name bytes; nil if it is not a
  /// directory. Entries that are neither files, links nor directories are left out.
  public func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]? {
    guard let relative = RelativePath(path) else { return nil }
    let absolute: String
    if relative.isRoot {
      absolute = root
    } else {
      guard let found = try lookUp(relative) else { return nil }
      switch found.kind {
      case .directory: absolute = found.absolute
      case .symlink: throw GitError.symlink(relative.text, in: displayName)
      case .file, .executable, .submodule: return nil
      }
    }
    return try FileSystem.entries(in: absolute, skipping: ".git", shownAs: relative.text)
      .sortedByNameBytes()
  }

  /// Git's blob hash of the file's bytes (for a link, of its target text); nil if missing or
  /// a directory.
  public func contentID(_ path: String) throws(GitError) -> String? {
    guard let relative = RelativePath(path), !relative.isRoot,
      let found = try lookUp(relative)
    else { return nil }
    switch found.kind {
    case .file, .executable:
      return try ObjectID.blobHash(
        of: FileSystem.readFile(found.absolute, shownAs: relative.text))
    case .symlink:
      return try ObjectID.blobHash(
        of: FileSystem.readLink(found.absolute, shownAs: relative.text))
    case .directory, .submodule:
      return nil
    }
  }

  /// The absolute path and kind of `path`, checking every directory on the way so that a
  /// symbolic link is reported rather than followed; nil if something on the way is missing.
  private func lookUp(_ path: RelativePath) throws(GitError) -> (
    absolute: String, kind: TreeEntry.Kind
  )? {
    var absolute = root
    for (index, name) in path.components.enumerated() {
      absolute += "/" + name
      let shown = path.prefix(index + 1).text
      guard let kind = try FileSystem.kind(of: absolute, shownAs: shown) else { return nil }
      if index == path.components.count - 1 { return (absolute, kind) }
      switch kind {
      case .directory: continue
      case .symlink: throw GitError.symlink(shown, in: displayName)
      case .file, .executable, .submodule: return nil
      }
    }
    return nil
  }
}
