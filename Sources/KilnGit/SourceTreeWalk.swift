extension SourceTree {
  /// Every file below `path` (recursively), as paths relative to the source's root, sorted by
  /// bytes; nil if `path` is not a directory. Submodules are skipped; a symbolic link throws
  /// `.symlink`, since Kiln does not follow links.
  public func filePaths(under path: String) throws(GitError) -> [String]? {
    guard let start = RelativePath(path), try listDirectory(start.text) != nil else {
      return nil
    }
    var files: [String] = []
    var pending = [start.text]
    while let directory = pending.popLast() {
      for entry in try listDirectory(directory) ?? [] {
        let child = directory.isEmpty ? entry.name : directory + "/" + entry.name
        switch entry.kind {
        case .file, .executable: files.append(child)
        case .directory: pending.append(child)
        case .symlink: throw GitError.symlink(child, in: displayName)
        case .submodule: continue
        }
      }
    }
    return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
