import Foundation
import Testing

@testable import KilnGit

@Suite("Configuration in a subdirectory")
struct SubdirectorySourceTests {
  /// A repository whose configuration lives in `deploy/config`, committed once, then edited.
  private static func nestedFixture() throws -> GitFixture {
    let fixture = try GitFixture()
    try fixture.write("README", "outside the configuration\n")
    try fixture.write("deploy/config/kiln.yaml", "name: committed\n")
    try fixture.write("deploy/config/env/base/vars.yaml", "x: 1\n")
    try fixture.commitAll("Nested configuration", date: 1_700_000_000)
    try fixture.write("deploy/config/kiln.yaml", "name: edited\n")
    return fixture
  }

  @Test("a revision reads the directory as committed, paths relative to it")
  func readsCommittedSubdirectory() throws {
    let fixture = try Self.nestedFixture()
    let directory = fixture.root + "/deploy/config"
    let committed = try GitRepository.sourceTree(at: directory, revision: "HEAD")
    #expect(try committed.readFile("kiln.yaml") == Array("name: committed\n".utf8))
    #expect(try committed.readFile("../README") == nil)
    #expect(try committed.readFile("README") == nil)
    #expect(committed.displayName.hasSuffix("(HEAD), directory 'deploy/config'"))
    let working = try GitRepository.sourceTree(at: directory, revision: nil)
    #expect(try working.readFile("kiln.yaml") == Array("name: edited\n".utf8))
    #expect(try working.listDirectory("") == committed.listDirectory(""))
    #expect(
      try working.contentID("env/base/vars.yaml") == committed.contentID("env/base/vars.yaml"))
  }

  @Test(
    "relative paths of directories in the working tree",
    arguments: [("", ""), ("deploy", "deploy"), ("deploy/config/env/", "deploy/config/env")])
  func relativePaths(directory: String, expected: String) throws {
    let fixture = try Self.nestedFixture()
    let repository = try GitRepository.open(at: fixture.root)
    #expect(try repository.relativePath(of: fixture.root + "/" + directory) == expected)
  }

  @Test("a directory reached through a symbolic link resolves to its real place")
  func relativePathThroughLink() throws {
    let fixture = try Self.nestedFixture()
    let link = fixture.base + "/shortcut"
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: fixture.root + "/deploy")
    let repository = try GitRepository.open(at: link + "/config")
    #expect(try repository.relativePath(of: link + "/config") == "deploy/config")
  }

  @Test("a directory outside the working tree is refused")
  func refusesOutsideDirectory() throws {
    let fixture = try Self.nestedFixture()
    let repository = try GitRepository.open(at: fixture.root)
    let error = #expect(throws: GitError.self) { try repository.relativePath(of: fixture.base) }
    #expect(error?.code == .notARepository)
  }

  @Test("the working tree needs no repository; a revision does")
  func revisionNeedsRepository() throws {
    let fixture = try GitFixture()
    let plain = fixture.base + "/plain"
    try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
    try Data("k: v\n".utf8).write(to: URL(fileURLWithPath: plain + "/kiln.yaml"))
    let working = try GitRepository.sourceTree(at: plain, revision: nil)
    #expect(try working.readFile("kiln.yaml") == Array("k: v\n".utf8))
    let error = #expect(throws: GitError.self) {
      try GitRepository.sourceTree(at: plain, revision: "HEAD")
    }
    #expect(error?.code == .notARepository)
  }
}
