import Testing

@testable import KilnGit

@Suite("Reading the working tree")
struct WorkingTreeSourceTests {
  @Test("reads the checkout's bytes, including uncommitted edits")
  func readsCheckout() throws {
    let fixture = try GitFixture.history()
    let source = WorkingTreeSource(root: fixture.root + "/")
    #expect(source.displayName == "working tree")
    #expect(try source.readFile("env/base/vars.yaml") == Array("x: working\n".utf8))
    #expect(try source.readFile("./kiln.yaml") == Array("name: three\n".utf8))
    #expect(try source.readFile("missing") == nil)
    #expect(try source.readFile("env") == nil)
    #expect(try source.readFile("../repo/kiln.yaml") == nil)
    #expect(try source.readFile(".git/HEAD") == nil)
  }

  @Test("lists like the commit's tree: same names, kinds and order, without .git")
  func listsLikeGitTree() throws {
    let fixture = try GitFixture.history()
    try fixture.write("env/base/vars.yaml", "x: 2\n")
    let repository = try GitRepository.open(at: fixture.root)
    let committed = try repository.tree(at: repository.resolve("HEAD"))
    let working = WorkingTreeSource(root: fixture.root)
    for path in ["", "env", "env/base", "bin", "env/prod"] {
      #expect(try working.listDirectory(path) == committed.listDirectory(path), "\(path)")
    }
    #expect(try working.listDirectory("missing") == nil)
    #expect(try working.listDirectory("kiln.yaml") == nil)
  }

  @Test(
    "content ids equal the commit's blob ids for the same bytes",
    arguments: ["kiln.yaml", "env/base/vars.yaml", "bin/run.sh", "kiln-link.yaml", "empty"])
  func contentIDsMatchCommit(path: String) throws {
    let fixture = try GitFixture.history()
    try fixture.write("env/base/vars.yaml", "x: 2\n")
    try fixture.write("empty", "")
    try fixture.commitAll("Empty file", date: 1_700_000_300)
    let repository = try GitRepository.open(at: fixture.root)
    let committed = try repository.tree(at: repository.resolve("HEAD"))
    let working = try WorkingTreeSource(root: fixture.root).contentID(path)
    #expect(working == (try committed.contentID(path)))
    #expect(working?.count == 40)
  }

  @Test("content ids follow the bytes: an edited file changes id, git hash-object agrees")
  func contentIDsTrackEdits() throws {
    let fixture = try GitFixture.history()
    let working = WorkingTreeSource(root: fixture.root)
    let expected = try fixture.git("hash-object", "env/base/vars.yaml")
    #expect(try working.contentID("env/base/vars.yaml") == expected)
    #expect(try working.contentID("env") == nil)
    #expect(try working.contentID("missing") == nil)
  }

  @Test(
    "symbolic links are listed but never followed",
    arguments: ["kiln-link.yaml", "env-link/base/vars.yaml", "env-link"])
  func refusesSymlinks(path: String) throws {
    let fixture = try GitFixture.history()
    let source = WorkingTreeSource(root: fixture.root)
    let error = #expect(throws: GitError.self) {
      if path == "env-link" {
        _ = try source.listDirectory(path)
      } else {
        _ = try source.readFile(path)
      }
    }
    #expect(error?.code == .symlink)
    #expect(error?.diagnostic.id == "KLN014")
    #expect(error?.path == (path == "kiln-link.yaml" ? path : "env-link"))
  }

  @Test("a failing system call is KLN013 with the errno text and the path")
  func reportsIOErrors() throws {
    let fixture = try GitFixture.history()
    let long = String(repeating: "n", count: 300)
    let error = #expect(throws: GitError.self) {
      try WorkingTreeSource(root: fixture.root).readFile(long)
    }
    #expect(error?.code == .io)
    #expect(error?.diagnostic.id == "KLN013")
    #expect(error?.message == "cannot inspect '\(long)': File name too long")
  }

  @Test("a missing root is KLN013 when listed")
  func reportsMissingRoot() throws {
    let fixture = try GitFixture()
    let source = WorkingTreeSource(root: fixture.base + "/gone")
    let error = #expect(throws: GitError.self) { try source.listDirectory("") }
    #expect(error?.code == .io)
    #expect(error?.message == "cannot list '.': No such file or directory")
  }
}
