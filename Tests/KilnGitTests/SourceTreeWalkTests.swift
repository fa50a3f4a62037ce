import Testing

@testable import KilnGit

@Suite("Walking a source tree")
struct SourceTreeWalkTests {
  @Test("lists every file below a directory, the same at a commit and in the working tree")
  func walksBothSources() throws {
    let fixture = try GitFixture.history()
    try fixture.write("templates/b/x.j2", "x\n")
    try fixture.write("templates/a.j2", "a\n")
    try fixture.write("templates/b/c/y.j2", "y\n")
    try fixture.commitAll("Templates", date: 1_700_000_300)
    let repository = try GitRepository.open(at: fixture.root)
    let committed = try repository.tree(at: repository.resolve("HEAD"))
    let working = WorkingTreeSource(root: fixture.root)
    let expected = ["templates/a.j2", "templates/b/c/y.j2", "templates/b/x.j2"]
    #expect(try committed.filePaths(under: "templates") == expected)
    #expect(try working.filePaths(under: "templates/") == expected)
    #expect(try committed.filePaths(under: "env") == ["env/base/vars.yaml", "env/prod/vars.yaml"])
    #expect(try committed.filePaths(under: "nope") == nil)
    #expect(try committed.filePaths(under: "kiln.yaml") == nil)
  }

  @Test("a symbolic link met on the way is refused")
  func refusesLinks() throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let committed = try repository.tree(at: repository.resolve("HEAD"))
    let error = #expect(throws: GitError.self) { try committed.filePaths(under: "") }
    #expect(error?.code == .symlink)
    #expect(error?.path == "env-link")
  }
}
