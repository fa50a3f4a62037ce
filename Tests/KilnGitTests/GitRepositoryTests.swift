import Foundation
import Testing

@testable import KilnGit

@Suite("Opening repositories")
struct GitRepositoryTests {
  @Test("opens from the root and from a nested subdirectory", arguments: ["", "env/base", "env"])
  func opensFromSubdirectory(subdirectory: String) throws {
    let fixture = try GitFixture.history()
    let start = subdirectory.isEmpty ? fixture.root : fixture.root + "/" + subdirectory
    let repository = try GitRepository.open(at: start)
    #expect(repository.workingDirectory == fixture.root)
    #expect(repository.gitDirectory == fixture.root + "/.git")
    #expect(try repository.resolve("HEAD").summary == "Third commit")
  }

  @Test("opens a bare clone and reads its commits")
  func opensBareRepository() throws {
    let fixture = try GitFixture.history()
    let bare = fixture.base + "/bare.git"
    try fixture.git("clone", "-q", "--bare", fixture.root, bare, in: fixture.base)
    let repository = try GitRepository.open(at: bare)
    #expect(repository.workingDirectory == nil)
    #expect(repository.gitDirectory == bare)
    let tree = try repository.tree(at: repository.resolve("v2"))
    #expect(try tree.readFile("env/base/vars.yaml") == Array("x: 2\n".utf8))
    #expect(try repository.dirtyPaths(excluding: []) == [])
  }

  @Test("opens a bare repository from one of its subdirectories")
  func opensBareFromSubdirectory() throws {
    let fixture = try GitFixture.history()
    let bare = fixture.base + "/bare.git"
    try fixture.git("clone", "-q", "--bare", fixture.root, bare, in: fixture.base)
    let repository = try GitRepository.open(at: bare + "/refs")
    #expect(repository.gitDirectory == bare)
  }

  @Test("opens a linked worktree at its own branch")
  func opensLinkedWorktree() throws {
    let fixture = try GitFixture.history()
    let worktree = fixture.base + "/linked"
    try fixture.git("worktree", "add", "-q", worktree, "feature")
    try fixture.write("../linked/env/prod/vars.yaml", "y: linked\n")
    let repository = try GitRepository.open(at: worktree + "/env")
    #expect(repository.workingDirectory == worktree)
    #expect(try repository.resolve("HEAD").summary == "Second commit")
    #expect(try repository.dirtyPaths(excluding: []) == ["env/prod/vars.yaml"])
    let working = WorkingTreeSource(root: worktree)
    #expect(try working.readFile(".git") == nil)
    #expect(try working.listDirectory("")?.contains { $0.name == ".git" } == false)
  }

  @Test("a directory outside any repository is KLN010 naming the directory")
  func rejectsPlainDirectory() throws {
    let fixture = try GitFixture()
    let plain = fixture.base + "/plain"
    try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
    let error = #expect(throws: GitError.self) { try GitRepository.open(at: plain) }
    #expect(error?.code == .notARepository)
    #expect(error?.diagnostic.id == "KLN010")
    #expect(error?.message.contains(plain) == true)
    #expect(error?.path == plain)
  }

  @Test("a missing directory is an I/O error with the errno text")
  func rejectsMissingDirectory() throws {
    let fixture = try GitFixture()
    let missing = fixture.base + "/no/such/dir"
    let error = #expect(throws: GitError.self) { try GitRepository.open(at: missing) }
    #expect(error?.code == .io)
    #expect(error?.diagnostic.id == "KLN013")
    #expect(error?.message == "cannot open '\(missing)': No such file or directory")
  }
}
