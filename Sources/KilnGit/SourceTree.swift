/// A read-only view of a repository's files, at a commit or in the working tree.
///
/// Paths are relative and '/'-separated; `""` is the root. Empty and `.` components are
/// ignored; a path with a `..` component or a `.git` component names nothing. Symbolic links
/// are listed (kind `.symlink`) but never followed: reading through one throws `.symlink`.
public protocol SourceTree: Sendable {
  /// "working tree" or "commit 1a2b3c4 (HEAD~1)"; used in messages.
  var displayName: String { get }
  /// The file's bytes, or nil if there is no such file. `path` is relative, '/'-separated.
  func readFile(_ path: String) throws(GitError) -> [UInt8]?
  /// The entries of a directory sorted by name, or nil if there is no such directory.
  func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]?
  /// A content identity for a path (git blob id; for the working tree, git's blob hash of the
  /// file's bytes), used to skip unchanged work. nil if missing or a directory.
  func contentID(_ path: String) throws(GitError) -> String?
}

extension SourceTree {
  /// The file's bytes; throws `.pathMissing` (KLN012) naming this source if it does not exist.
  public func requireFile(_ path: String) throws(GitError) -> [UInt8] {
    guard let bytes = try readFile(path) else {
      throw GitError.pathMissing(path, in: displayName)
    }
    return bytes
  }
}

/// One entry of a directory listing.
public struct TreeEntry: Sendable, Hashable {
  /// What an entry is.
  public enum Kind: Sendable, Hashable {
    /// A regular file.
    case file
    /// A regular file with the executable bit.
    case executable
    /// A symbolic link (never followed).
    case symlink
    /// A directory (a tree).
    case directory
    /// A submodule (a commit recorded in the tree).
    case submodule
  }

  /// The entry's name within its directory.
  public var name: String
  /// What the entry is.
  public var kind: Kind

  /// Creates an entry.
  public init(name: String, kind: Kind) {
    self.name = name
    self.kind = kind
  }
}

extension [TreeEntry] {
  /// Sorted by the bytes of the names (UTF-8), the order every source lists in.
  func sortedByNameBytes() -> [TreeEntry] {
    sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
  }
}
