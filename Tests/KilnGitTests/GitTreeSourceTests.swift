import Testing

@testable import KilnGit

@Suite("Reading a commit's tree")
struct GitTreeSourceTests {
  /// The history fixture at `revision`.
  private func tree(_ fixture: GitFixture, _ revision: String) throws -> GitTreeSource {
    let repository = try GitRepository.open(at: fixture.root)
    return try repository.tree(at: repository.resolve(revision))
  }

  @Test("reads the committed bytes, never the checkout's")
  func readsCommittedBytes() throws {
    let fixture = try GitFixture.history()
    // The checkout holds different content, and one committed file is gone from it entirely.
    try fixture.remove("kiln.yaml")
    try fixture.git("rm", "-q", "--cached", "env/prod/vars.yaml")
    let old = try tree(fixture, "HEAD~1")
    #expect(try old.readFile("env/base/vars.yaml") == Array("x: 2\n".utf8))
    #expect(try old.readFile("kiln.yaml") == Array("name: one\n".utf8))
    #expect(try old.readFile("env/prod/vars.yaml") == Array("y: 2\n".utf8))
    let oldest = try tree(fixture, "v1")
    #expect(try oldest.readFile("env/base/vars.yaml") == Array("x: 1\n".utf8))
    #expect(try oldest.readFile("env/prod/vars.yaml") == nil)
    #expect(try oldest.listDirectory("env") == [TreeEntry(name: "base", kind: .directory)])
  }

  @Test("lists directories sorted by name bytes with each entry's kind")
  func listsDirectories() throws {
    let fixture = try GitFixture.history()
    try fixture.write("Zeta", "upper case sorts first\n")
    try fixture.write("_under", "underscore sorts after upper case\n")
    try fixture.commitAll("Names", date: 1_700_000_300)
    let root = try tree(fixture, "HEAD").listDirectory("")
    #expect(
      root == [
        TreeEntry(name: "Zeta", kind: .file), TreeEntry(name: "_under", kind: .file),
        TreeEntry(name: "bin", kind: .directory), TreeEntry(name: "env", kind: .directory),
        TreeEntry(name: "env-link", kind: .symlink),
        TreeEntry(name: "kiln-link.yaml", kind: .symlink),
        TreeEntry(name: "kiln.yaml", kind: .file),
      ])
    let source = try tree(fixture, "HEAD")
    #expect(try source.listDirectory("bin") == [TreeEntry(name: "run.sh", kind: .executable)])
    #expect(try source.listDirectory("./env/") == source.listDirectory("env"))
  }

  @Test(
    "paths that name no file read as nil",
    arguments: [
      "missing.yaml", "env", "", "env/base/vars.yaml/x", "../kiln.yaml", ".git/config",
      "kiln.yaml/",
    ])
  func missingPathsAreNil(path: String) throws {
    let fixture = try GitFixture.history()
    let source = try tree(fixture, "HEAD")
    let expected: [UInt8]? = path == "kiln.yaml/" ? Array("name: three\n".utf8) : nil
    #expect(try source.readFile(path) == expected)
  }

  @Test("missing directories and files list as nil")
  func missingDirectoriesAreNil() throws {
    let source = try tree(GitFixture.history(), "HEAD")
    #expect(try source.listDirectory("nope") == nil)
    #expect(try source.listDirectory("kiln.yaml") == nil)
    #expect(try source.contentID("nope") == nil)
    #expect(try source.contentID("env") == nil)
  }

  @Test("requireFile names the path and the commit when the file is missing")
  func requireFileReportsMissingPath() throws {
    let fixture = try GitFixture.history()
    let source = try tree(fixture, "v1")
    let error = #expect(throws: GitError.self) { try source.requireFile("env/prod/vars.yaml") }
    #expect(error?.code == .pathMissing)
    #expect(error?.diagnostic.id == "KLN012")
    #expect(error?.path == "env/prod/vars.yaml")
    #expect(
      error?.message
        == "'env/prod/vars.yaml' does not exist in commit \(source.commit.shortID) (v1)")
  }

  @Test(
    "symbolic links are listed but never followed",
    arguments: ["kiln-link.yaml", "env-link/base/vars.yaml", "env-link"])
  func refusesSymlinks(path: String) throws {
    let source = try tree(GitFixture.history(), "HEAD")
    let error = #expect(throws: GitError.self) {
      if path == "env-link" {
        _ = try source.listDirectory(path)
      } else {
        _ = try source.readFile(path)
      }
    }
    #expect(error?.code == .symlink)
    #expect(error?.diagnostic.id == "KLN014")
    #expect(error?.message.contains("Kiln does not follow links") == true)
  }

  @Test("content ids are git's blob ids", arguments: ["kiln.yaml", "bin/run.sh", "kiln-link.yaml"])
  func contentIDsMatchGit(path: String) throws {
    let fixture = try GitFixture.history()
    let expected = try fixture.git("rev-parse", "HEAD~1:\(path)")
    #expect(try tree(fixture, "HEAD~1").contentID(path) == expected)
  }

  @Test("an empty file reads as no bytes")
  func readsEmptyFile() throws {
    let fixture = try GitFixture.history()
    try fixture.write("empty", "")
    try fixture.commitAll("Empty file", date: 1_700_000_300)
    let source = try tree(fixture, "HEAD")
    #expect(try source.readFile("empty") == [])
    #expect(try source.contentID("empty") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
  }
}
