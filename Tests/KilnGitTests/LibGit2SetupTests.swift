import CLibGit2
import Foundation
import Testing

@testable import KilnGit

@Suite("libgit2 set-up")
struct LibGit2SetupTests {
  @Test(
    "no user or system configuration is read",
    arguments: [
      GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_GLOBAL, GIT_CONFIG_LEVEL_XDG,
      GIT_CONFIG_LEVEL_PROGRAMDATA,
    ])
  func searchPathsAreEmpty(level: git_config_level_t) throws {
    #expect(try LibGit2.searchPath(level) == "")
  }

  @Test("owner validation is off")
  func ownerValidationIsOff() throws {
    #expect(try LibGit2.ownerValidationEnabled() == false)
  }

  @Test("opens and reads a repository owned by another user")
  func opensForeignOwnedRepository() throws {
    let fixture = try GitFixture.history()
    guard getuid() == 0 else { return }  // Only root can hand files to another user.
    let chown = Process()
    chown.executableURL = URL(fileURLWithPath: "/bin/chown")
    chown.arguments = ["-R", "54321:54321", fixture.root]
    try chown.run()
    chown.waitUntilExit()
    #expect(chown.terminationStatus == 0)
    let repository = try GitRepository.open(at: fixture.root)
    let tree = try repository.tree(at: repository.resolve("HEAD"))
    #expect(try tree.readFile("kiln.yaml") == Array("name: three\n".utf8))
    #expect(try repository.dirtyPaths(excluding: []) == ["env/base/vars.yaml"])
  }
}
