import KilnGit

/// A source tree over an in-memory dictionary of path → file text, for fixture repositories.
struct MemorySource: SourceTree {
  var files: [String: [UInt8]]

  init(_ files: [String: String]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  init(bytes: [String: [UInt8]]) {
    self.files = bytes
  }

  var displayName: String { "memory" }

  func readFile(_ path: String) throws(GitError) -> [UInt8]? { files[path] }

  func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]? {
    let prefix = path.isEmpty ? "" : path + "/"
    var entries: [String: TreeEntry.Kind] = [:]
    for file in files.keys where file.hasPrefix(prefix) {
      let rest = file.dropFirst(prefix.count)
      if let slash = rest.firstIndex(of: "/") {
        entries[String(rest[..<slash])] = .directory
      } else {
        entries[String(rest)] = .file
      }
    }
    if entries.isEmpty { return nil }
    return entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
      TreeEntry(name: $0, kind: entries[$0] ?? .file)
    }
  }

  func contentID(_ path: String) throws(GitError) -> String? {
    files[path].map { String($0.count) }
  }
}
