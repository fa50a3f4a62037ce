import Testing

@testable import KilnGit

@Suite("Unusual input")
struct UnusualInputTests {
  static let paths = [
    "\0", "kiln.yaml\0x", "//", "a/./b", "%", "...", "env/../kiln.yaml", "/kiln.yaml",
    String(repeating: "a/", count: 2_000), "ünïcödé/ファイル", "\n", " ", "env\\base", "*", "~",
  ]

  @Test("odd paths read as nothing or a GitError, never a trap", arguments: paths)
  func oddPaths(path: String) throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let sources: [any SourceTree] = [
      try repository.tree(at: repository.resolve("HEAD")), WorkingTreeSource(root: fixture.root),
    ]
    for source in sources {
      for read in 0..<3 {
        do {
          switch read {
          case 0: _ = try source.readFile(path)
          case 1: _ = try source.listDirectory(path)
          default: _ = try source.contentID(path)
          }
        } catch {
          #expect(!error.message.isEmpty)
        }
      }
    }
    // A leading '/' is still relative to the source's root.
    #expect(try sources[0].readFile("/kiln.yaml") == Array("name: three\n".utf8))
  }

  @Test(
    "odd revisions resolve to a commit or fail with KLN011",
    arguments: [
      "@", ":/First", "HEAD:kiln.yaml", "^", "~", "HEAD~99999999999999999999", "HEAD@{-1}",
      "main..feature", "HEAD^{commit}", "v2^{}", "-n", "\0", "HEAD\0", "refs/tags/v2",
    ])
  func oddRevisions(revision: String) throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    do {
      let commit = try repository.resolve(revision)
      let object = try fixture.git("rev-parse", "--verify", "-q", revision)
      let expected = try fixture.git("rev-parse", "\(object)^{commit}")
      #expect(commit.id == expected)
    } catch let error as GitError {
      #expect(error.code == .unknownRevision)
      #expect(error.revision == revision)
    }
  }
}

@Suite("Unusual repository paths")
struct UnusualRepositoryPathTests {
  @Test(
    "odd places to open a repository from",
    arguments: [
      ("kiln.yaml", "repository"), ("env/base/", "repository"), ("", "notARepository"),
      ("\0", "notARepository"), (".git", "repository"), (".git/objects", "repository"),
      ("missing", "io"),
    ])
  func oddOpenPaths(relative: String, outcome: String) throws {
    let fixture = try GitFixture.history()
    let path = relative.isEmpty || relative == "\0" ? relative : fixture.root + "/" + relative
    do {
      let repository = try GitRepository.open(at: path)
      #expect(outcome == "repository")
      #expect(repository.workingDirectory == fixture.root)
    } catch {
      #expect("\(error.code)" == outcome, "\(error)")
    }
  }
}
