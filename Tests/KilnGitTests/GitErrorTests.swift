import Foundation
import Testing

@testable import KilnGit

@Suite("Git errors")
struct GitErrorTests {
  @Test(
    "each code has its own diagnostic ID",
    arguments: [
      (GitError.Code.notARepository, "KLN010"), (.unknownRevision, "KLN011"),
      (.pathMissing, "KLN012"), (.io, "KLN013"), (.symlink, "KLN014"), (.libgit2, "KLN019"),
    ])
  func diagnosticIDs(code: GitError.Code, id: String) {
    let error = GitError(code: code, message: "m", path: "p", hint: "h")
    #expect(error.diagnostic.id.rawValue == id)
    #expect(error.description == "p: error[\(id)]: m")
    #expect(error.diagnostic.hint == "h")
  }

  @Test("a missing object is KLN019 with libgit2's explanation on one line")
  func corruptRepository() throws {
    let fixture = try GitFixture.history()
    let blob = try fixture.git("rev-parse", "HEAD:kiln.yaml")
    let objectPath = "\(fixture.root)/.git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"
    try FileManager.default.removeItem(atPath: objectPath)
    let repository = try GitRepository.open(at: fixture.root)
    let tree = try repository.tree(at: repository.resolve("HEAD"))
    let error = #expect(throws: GitError.self) { try tree.readFile("kiln.yaml") }
    #expect(error?.code == .libgit2)
    #expect(error?.diagnostic.id == "KLN019")
    #expect(error?.path == "kiln.yaml")
    #expect(error?.message.hasPrefix("git could not read 'kiln.yaml' of commit") == true)
    #expect(error?.message.contains(blob) == true)
    #expect(error?.message.contains("\n") == false)
    // Other files of the same commit still read.
    #expect(try tree.readFile("env/base/vars.yaml") == Array("x: 2\n".utf8))
  }

  @Test("every error's text is one line naming its subject")
  func errorsAreOneLine() throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let tree = try repository.tree(at: repository.resolve("HEAD"))
    var errors: [(GitError?, String)] = []
    errors.append((#expect(throws: GitError.self) { try repository.resolve("nope") }, "nope"))
    errors.append(
      (#expect(throws: GitError.self) { try tree.requireFile("gone.yaml") }, "gone.yaml"))
    errors.append(
      (#expect(throws: GitError.self) { try tree.readFile("kiln-link.yaml") }, "kiln-link.yaml"))
    errors.append(
      (#expect(throws: GitError.self) { try GitRepository.open(at: "/") }, "/"))
    for (error, subject) in errors {
      let text = try #require(error).description
      #expect(!text.contains("\n"), "\(text)")
      #expect(text.contains(subject), "\(text)")
    }
  }
}
