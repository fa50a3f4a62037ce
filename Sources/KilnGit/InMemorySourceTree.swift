/// A source tree held in memory (path → bytes): for generated repositories and tests.
public struct InMemorySourceTree: SourceTree {
  /// File contents by '/'-separated relative path.
  public var files: [String: [UInt8]]
  public var displayName: String

  public init(files: [String: [UInt8]], displayName: String = "memory") {
    self.files = files
    self.displayName = displayName
  }

  /// A tree of text files.
  public init(texts: [String: String], displayName: String = "memory") {
    self.init(files: texts.mapValues { Array($0.utf8) }, displayName: displayName)
  }

  public func readFile(_ path: String) throws(GitError) -> [UInt8]? { files[path] }

  public func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]? {
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

  /// Git's blob id of the content, as for the other sources.
  public func contentID(_ path: String) throws(GitError) -> String? {
    guard let bytes = files[path] else { return nil }
    return try ObjectID.blobHash(of: bytes)
  }
}
