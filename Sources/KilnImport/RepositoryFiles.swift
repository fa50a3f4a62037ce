/// One file of an imported repository, held in memory until the whole import succeeded.
public struct RepositoryFile: Sendable, Hashable {
  /// Path relative to the repository root.
  public var path: String
  /// The exact bytes to write.
  public var bytes: [UInt8]

  /// A file at `path` holding `bytes`.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// A file at `path` holding `text` as UTF-8.
  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }
}

/// The files of an imported repository in the order they were produced; a later file with
/// the same path replaces the earlier one.
public struct RepositoryFiles: Sendable, Hashable {
  /// The files, each path once.
  public private(set) var files: [RepositoryFile] = []

  /// An empty set of files.
  public init() {}

  /// Adds `file`, replacing an earlier one at the same path.
  public mutating func add(_ file: RepositoryFile) {
    if let index = files.firstIndex(where: { $0.path == file.path }) {
      files[index] = file
    } else {
      files.append(file)
    }
  }

  /// Adds a text file.
  public mutating func add(_ path: String, text: String) {
    add(RepositoryFile(path: path, text: text))
  }

  /// The file at `path`, if any.
  public func file(at path: String) -> RepositoryFile? { files.first { $0.path == path } }

  /// The text of the file at `path`, if any.
  public func text(at path: String) -> String? {
    file(at: path).map { String(decoding: $0.bytes, as: UTF8.self) }
  }
}
