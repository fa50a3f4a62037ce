import CLibGit2

extension GitRepository {
  /// Paths whose working-tree content differs from HEAD (modified, added, untracked, deleted),
  /// excluding ignored files and paths under `excluding` prefixes (e.g. ".kiln/").
  ///
  /// A prefix without a trailing '/' matches that path itself and everything under it. The
  /// result is sorted by bytes and has no duplicates; a bare repository has no dirty paths.
  public func dirtyPaths(excluding: [String]) throws(GitError) -> [String] {
    guard workingDirectory != nil else { return [] }
    let changed = try lock.run { () throws(GitError) -> [String] in
      var options = git_status_options()
      guard git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)) == 0 else {
        throw GitError.libgit2("prepare a status query")
      }
      options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
      options.flags =
        GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
      var list: OpaquePointer?
      guard git_status_list_new(&list, handle, &options) == 0, let list else {
        throw GitError.libgit2("list changed files", path: workingDirectory)
      }
      defer { git_status_list_free(list) }
      var paths: [String] = []
      for index in 0..<git_status_list_entrycount(list) {
        guard let entry = git_status_byindex(list, index) else { continue }
        if entry.pointee.status.rawValue & GIT_STATUS_IGNORED.rawValue != 0 { continue }
        for delta in [entry.pointee.head_to_index, entry.pointee.index_to_workdir] {
          guard let delta else { continue }
          for file in [delta.pointee.old_file, delta.pointee.new_file] {
            if let path = file.path { paths.append(String(cString: path)) }
          }
        }
      }
      return paths
    }
    let kept = changed.filter { path in !excluding.contains { Self.path(path, isUnder: $0) } }
    return Set(kept).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  private static func path(_ path: String, isUnder prefix: String) -> Bool {
    if prefix.isEmpty { return false }
    if prefix.hasSuffix("/") { return path.hasPrefix(prefix) }
    return path == prefix || path.hasPrefix(prefix + "/")
  }
}
