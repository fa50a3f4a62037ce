import Testing

@testable import KilnGit

@Suite("Dirty paths")
struct DirtyPathsTests {
  @Test("a clean checkout has none")
  func cleanCheckout() throws {
    let fixture = try GitFixture.history()
    try fixture.git("checkout", "-q", "--", ".")
    #expect(try GitRepository.open(at: fixture.root).dirtyPaths(excluding: []) == [])
  }

  @Test("modified, staged, deleted and untracked paths; ignored files left out")
  func listsChanges() throws {
    let fixture = try GitFixture.history()
    try fixture.write(".gitignore", "out/\n*.log\n")
    try fixture.commitAll("Ignore output", date: 1_700_000_300)
    try fixture.write("env/base/vars.yaml", "x: edited\n")
    try fixture.write("staged.yaml", "staged\n")
    try fixture.git("add", "staged.yaml")
    try fixture.remove("bin/run.sh")
    try fixture.write("new/dir/file.yaml", "untracked\n")
    try fixture.write("out/prod/host/file", "ignored\n")
    try fixture.write("debug.log", "ignored\n")
    try fixture.write(".kiln/cache", "excluded\n")
    try fixture.write(".kilnrc", "not under .kiln/\n")
    let paths = try GitRepository.open(at: fixture.root).dirtyPaths(excluding: [".kiln/"])
    #expect(
      paths == [
        ".kilnrc", "bin/run.sh", "env/base/vars.yaml", "new/dir/file.yaml", "staged.yaml",
      ])
  }

  @Test(
    "exclusions match whole directories, with or without a trailing slash",
    arguments: [
      ([".kiln"], ["env/base/vars.yaml", "kilnish"]),
      ([".kiln/"], ["env/base/vars.yaml", "kilnish"]),
      (["env"], [".kiln/state", "kilnish"]),
      (["env/base/vars.yaml", ".kiln", "kilnish"], []),
      ([String](), [".kiln/state", "env/base/vars.yaml", "kilnish"]),
    ])
  func excludesPrefixes(excluding: [String], expected: [String]) throws {
    let fixture = try GitFixture.history()
    try fixture.write(".kiln/state", "excluded\n")
    try fixture.write("kilnish", "kept\n")
    #expect(try GitRepository.open(at: fixture.root).dirtyPaths(excluding: excluding) == expected)
  }
}
