import CLibGit2

/// A commit, resolved from a revision: its id, short id, committer time and summary.
///
/// Two values are equal when their ids are, whatever revision text they were resolved from.
public struct GitCommit: Sendable, Hashable {
  /// The full id, 40 lowercase hex digits.
  public var id: String
  /// The first 7 hex digits of the id.
  public var shortID: String
  /// The committer time, in seconds since the Unix epoch.
  public var committerTime: Int64
  /// The first paragraph of the message, joined into one line.
  public var summary: String
  /// The revision text this commit was resolved from (`HEAD~1`, `main`, an id…).
  public var revision: String

  /// Creates a commit value.
  public init(id: String, committerTime: Int64, summary: String, revision: String) {
    self.id = id
    self.shortID = String(id.prefix(7))
    self.committerTime = committerTime
    self.summary = summary
    self.revision = revision
  }

  /// "commit 1a2b3c4 (HEAD~1)", or without the parenthesis when the revision is the id.
  public var displayName: String {
    if revision.isEmpty || id.hasPrefix(revision.lowercased()) {
      return "commit \(shortID)"
    }
    return "commit \(shortID) (\(revision))"
  }

  /// Whether both name the same commit (the revision text is not compared).
  public static func == (lhs: GitCommit, rhs: GitCommit) -> Bool { lhs.id == rhs.id }

  /// Hashes the id only, matching `==`.
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  /// Reads a libgit2 commit object.
  init(commit: OpaquePointer, revision: String) {
    let oid = git_commit_id(commit).map { ObjectID.hex($0.pointee) } ?? ""
    let summary = git_commit_summary(commit).map { String(cString: $0) } ?? ""
    self.init(
      id: oid, committerTime: Int64(git_commit_time(commit)), summary: summary,
      revision: revision)
  }
}
