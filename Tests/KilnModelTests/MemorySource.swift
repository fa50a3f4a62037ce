import KilnGit

/// Fixture repositories in memory.
typealias MemorySource = InMemorySourceTree

extension InMemorySourceTree {
  init(_ files: [String: String]) { self.init(texts: files) }
  init(bytes: [String: [UInt8]]) { self.init(files: bytes) }
}
