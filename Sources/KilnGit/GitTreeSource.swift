import CLibGit2

/// The files of one commit, read from the object database; never the checkout or the index.
///
/// Safe to use from many tasks at once: every libgit2 call holds the repository's lock, and
/// blobs read once are kept per path, so repeated reads are cheap.
public final class GitTreeSource: SourceTree, @unchecked Sendable {
  /// The commit whose tree this is.
  public let commit: GitCommit
  private let repository: GitRepository
  /// The commit's root tree; owned, freed in `deinit`.
  private let rootTree: OpaquePointer
  /// Subtrees looked up so far, by normalised path; owned, freed in `deinit`. Guarded by the
  /// repository's lock, like the caches below.
  private var subtrees: [String: OpaquePointer] = [:]
  private var blobs: [String: [UInt8]] = [:]
  private var listings: [String: [TreeEntry]] = [:]

  init(repository: GitRepository, commit: GitCommit, rootTree: OpaquePointer) {
    self.repository = repository
    self.commit = commit
    self.rootTree = rootTree
  }

  deinit {
    repository.lock.run {
      for tree in subtrees.values { git_tree_free(tree) }
      git_tree_free(rootTree)
    }
  }

  /// "commit 1a2b3c4 (HEAD~1)".
  public var displayName: String { commit.displayName }

  /// The blob's bytes at `path`; nil if there is no file there (or it is a directory or a
  /// submodule); throws `.symlink` for a symbolic link.
  public func readFile(_ path: String) throws(GitError) -> [UInt8]? {
    guard let relative = RelativePath(path), !relative.isRoot else { return nil }
    return try repository.lock.run { () throws(GitError) -> [UInt8]? in
      if let cached = blobs[relative.text] { return cached }
      guard let entry = try entry(at: relative) else { return nil }
      switch entry.kind {
      case .file, .executable:
        let bytes = try readBlob(entry.oid, path: relative.text)
        blobs[relative.text] = bytes
        return bytes
      case .symlink:
        throw GitError.symlink(relative.text, in: displayName)
      case .directory, .submodule:
        return nil
      }
    }
  }

  /// The entries of the directory at `path`, sorted by name bytes; nil if there is none.
  public func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]? {
    guard let relative = RelativePath(path) else { return nil }
    return try repository.lock.run { () throws(GitError) -> [TreeEntry]? in
      if let cached = listings[relative.text] { return cached }
      guard let tree = try directory(at: relative) else { return nil }
      var entries: [TreeEntry] = []
      for index in 0..<git_tree_entrycount(tree) {
        guard let entry = git_tree_entry_byindex(tree, index),
          let name = git_tree_entry_name(entry)
        else { continue }
        entries.append(TreeEntry(name: String(cString: name), kind: Self.kind(of: entry)))
      }
      let sorted = entries.sortedByNameBytes()
      listings[relative.text] = sorted
      return sorted
    }
  }

  /// The blob id at `path` (for a symbolic link, the id of its target text); nil if there is
  /// no such path or it is a directory or a submodule.
  public func contentID(_ path: String) throws(GitError) -> String? {
    guard let relative = RelativePath(path), !relative.isRoot else { return nil }
    return try repository.lock.run { () throws(GitError) -> String? in
      guard let entry = try entry(at: relative) else { return nil }
      switch entry.kind {
      case .file, .executable, .symlink: return ObjectID.hex(entry.oid)
      case .directory, .submodule: return nil
      }
    }
  }

  // MARK: - Walking the tree (callers hold the repository's lock)

  /// A resolved tree entry: what it is and the object it names.
  private struct Entry {
    var kind: TreeEntry.Kind
    var oid: git_oid
  }

  /// The entry at `path`, walking one component at a time so that a symbolic link on the way
  /// is reported rather than silently treated as missing.
  private func entry(at path: RelativePath) throws(GitError) -> Entry? {
    guard let name = path.components.last else { return nil }
    guard let parent = try directory(at: path.prefix(path.components.count - 1)),
      let entry = git_tree_entry_byname(parent, name),
      let oid = git_tree_entry_id(entry)
    else { return nil }
    return Entry(kind: Self.kind(of: entry), oid: oid.pointee)
  }

  /// The tree at `path` (the root for `""`), or nil if `path` is not a directory.
  private func directory(at path: RelativePath) throws(GitError) -> OpaquePointer? {
    if path.isRoot { return rootTree }
    if let cached = subtrees[path.text] { return cached }
    guard let entry = try entry(at: path) else { return nil }
    switch entry.kind {
    case .directory:
      var oid = entry.oid
      var tree: OpaquePointer?
      guard git_tree_lookup(&tree, repository.handle, &oid) == 0, let tree else {
        throw GitError.libgit2("read directory '\(path.text)' of \(displayName)", path: path.text)
      }
      subtrees[path.text] = tree
      return tree
    case .symlink:
      throw GitError.symlink(path.text, in: displayName)
    case .file, .executable, .submodule:
      return nil
    }
  }

  private func readBlob(_ id: git_oid, path: String) throws(GitError) -> [UInt8] {
    var oid = id
    var blob: OpaquePointer?
    guard git_blob_lookup(&blob, repository.handle, &oid) == 0, let blob else {
      throw GitError.libgit2("read '\(path)' of \(displayName)", path: path)
    }
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let content = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: content, count: size))
  }

  private static func kind(of entry: OpaquePointer) -> TreeEntry.Kind {
    switch git_tree_entry_filemode(entry) {
    case GIT_FILEMODE_TREE: .directory
    case GIT_FILEMODE_BLOB_EXECUTABLE: .executable
    case GIT_FILEMODE_LINK: .symlink
    case GIT_FILEMODE_COMMIT: .submodule
    default: .file
    }
  }
}
