import Testing

@testable import KilnGit

@Suite("Resolving revisions")
struct RevisionTests {
  /// Each revision form is resolved by Kiln and by `git rev-parse`; the ids must agree.
  /// `short:` means the first 7 digits of the commit the rest names.
  @Test(
    "resolves the same commit as git rev-parse",
    arguments: [
      "HEAD", "main", "feature", "v1", "v2", "HEAD~2", "HEAD~1", "main^", "HEAD^^",
      "refs/heads/main", "short:HEAD~1", "short:v1", "full:HEAD~2", "main@{1}",
    ])
  func resolvesLikeGit(form: String) throws {
    let fixture = try GitFixture.history()
    var revision = form
    if form.hasPrefix("short:") {
      revision = String(try fixture.git("rev-parse", String(form.dropFirst(6))).prefix(7))
    } else if form.hasPrefix("full:") {
      revision = try fixture.git("rev-parse", String(form.dropFirst(5)))
    }
    let expected = try fixture.git("rev-parse", "\(revision)^{commit}")
    let commit = try GitRepository.open(at: fixture.root).resolve(revision)
    #expect(commit.id == expected)
    #expect(commit.shortID == String(expected.prefix(7)))
    #expect(commit.revision == revision)
  }

  @Test("reads committer time, summary and the display name")
  func readsCommitFields() throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let first = try repository.resolve("HEAD~2")
    #expect(first.committerTime == 1_700_000_000)
    #expect(first.summary == "First commit")
    #expect(first.displayName == "commit \(first.shortID) (HEAD~2)")
    let second = try repository.resolve("v2")
    #expect(second.committerTime == 1_700_000_100)
    #expect(second.summary == "Second commit")
    #expect(try repository.resolve(first.id).displayName == "commit \(first.shortID)")
    #expect(try repository.resolve("v1") == first)
  }

  @Test(
    "an unknown revision is KLN011 naming it, with a hint to list commits",
    arguments: ["nope", "HEAD~10", "v9", "deadbeef", "main^{blob}", "HEAD^{tree}", "..", ""])
  func rejectsUnknownRevision(revision: String) throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let error = #expect(throws: GitError.self) { try repository.resolve(revision) }
    #expect(error?.code == .unknownRevision)
    #expect(error?.diagnostic.id == "KLN011")
    #expect(error?.revision == revision)
    #expect(error?.message.hasPrefix("unknown revision '\(revision)'") == true)
    #expect(error?.message.contains("\n") == false)
    #expect(error?.diagnostic.hint?.contains("git log --oneline") == true)
  }

  @Test("a revision naming a tree says it is not a commit")
  func explainsNonCommit() throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let error = #expect(throws: GitError.self) { try repository.resolve("HEAD^{tree}") }
    #expect(error?.message == "unknown revision 'HEAD^{tree}': it names a tree, not a commit")
  }

  @Test("HEAD of a repository without commits says so")
  func explainsEmptyRepository() throws {
    let fixture = try GitFixture()
    let repository = try GitRepository.open(at: fixture.root)
    let error = #expect(throws: GitError.self) { try repository.resolve("HEAD") }
    #expect(error?.message == "unknown revision 'HEAD': the repository has no commits yet")
  }

  @Test("a commit from another repository cannot be read here")
  func rejectsForeignCommit() throws {
    let fixture = try GitFixture.history()
    let other = try GitFixture.history()
    try other.write("extra", "x")
    try other.commitAll("Only in the other repository", date: 1_700_000_300)
    let foreign = try GitRepository.open(at: other.root).resolve("HEAD")
    let repository = try GitRepository.open(at: fixture.root)
    let error = #expect(throws: GitError.self) { try repository.tree(at: foreign) }
    #expect(error?.code == .unknownRevision)
  }
}
