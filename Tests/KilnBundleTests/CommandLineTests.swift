import Foundation
import Testing

/// `kiln keygen`, `seal` and `verify` end to end on a copy of the example repository.
struct CommandLineTests {
  @Test func keygenSealVerifyAndRejections() throws {
    let kiln = try RepositoryFixture.kilnExecutable()
    guard ProcessRunner.require("minisign", install: InteropTests.minisignInstall) else { return }
    let fixture = try RepositoryFixture.make()
    let root = fixture.root
    func run(_ arguments: [String]) throws -> ProcessRunner.Outcome {
      try ProcessRunner.run([kiln] + arguments, in: root)
    }
    for name in ["release-a", "release-b", "ci"] {
      #expect(try run(["keygen", "--out", name]).status == 0)
    }
    let mode = try FileManager.default.attributesOfItem(atPath: root + "/release-a.key")[
      .posixPermissions]
    #expect((mode as? Int) == 0o600)
    #expect(try run(["keygen", "--out", "release-a"]).status == 2)
    #expect(try run(["keygen", "--out", "release-a", "--force"]).status == 0)
    let seal = try run(
      [
        "seal", "-C", "repo", "--env", "prod", "--rev", "HEAD", "--key", "release-a.key",
        "--version", "5",
        "--expires", "7d", "--out", "prod.kiln",
      ])
    try #require(seal.status == 0, "\(seal.output)")
    let again = try run(
      [
        "seal", "-C", "repo", "--env", "prod", "--rev", "main", "--key", "release-b.key",
        "--expires", "2099-01-01", "--out", "again.kiln",
      ])
    try #require(again.status == 0, "\(again.output)")
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: root + "/prod.kiln"))
        == Data(contentsOf: URL(fileURLWithPath: root + "/again.kiln")))
    let comment = try String(contentsOfFile: root + "/prod.kiln.minisig", encoding: .utf8)
      .split(separator: "\n")[2].dropFirst("trusted comment: ".count)
    let cosign = try ProcessRunner.run(
      [
        "minisign", "-S", "-s", "release-b.key", "-m", "prod.kiln", "-t", String(comment),
        "-x", "prod.kiln.release-b.minisig",
      ], in: root)
    try #require(cosign.status == 0, "\(cosign.output)")
    let key = { (name: String) throws -> String in
      try String(contentsOfFile: root + "/\(name).pub", encoding: .utf8).split(separator: "\n")[1]
        .description
    }
    let policy = """
      keys:
        - {name: ci, public: "\(try key("ci"))", envs: [staging]}
        - {name: release-a, public: "\(try key("release-a"))", envs: [staging, prod]}
        - {name: release-b, public: "\(try key("release-b"))", envs: [prod]}
      thresholds: {staging: 1, prod: 2}
      max_bundle_bytes: 1073741824

      """
    try Data(policy.utf8).write(to: URL(fileURLWithPath: root + "/trust.yaml"))
    let verify = try run([
      "verify", "prod.kiln", "--trust", "trust.yaml", "--env", "prod", "--rerender", "-C", "repo",
    ])
    #expect(verify.status == 0, "\(verify.output)")
    #expect(verify.output.contains("signed by release-a, release-b"))
    let wrongEnv = try run(["verify", "prod.kiln", "--trust", "trust.yaml", "--env", "staging"])
    #expect(wrongEnv.status == 3)
    #expect(wrongEnv.output.contains("wrongEnvironment"))
    #expect(try run(["verify", "prod.kiln", "--trust", "missing.yaml"]).status == 2)
    #expect(try run(["verify", "missing.kiln", "--trust", "trust.yaml"]).status == 2)
    var archive = try Array(Data(contentsOf: URL(fileURLWithPath: root + "/prod.kiln")))
    archive[archive.count / 2] ^= 0x10
    try Data(archive).write(to: URL(fileURLWithPath: root + "/prod.kiln"))
    let tampered = try run(["verify", "prod.kiln", "--trust", "trust.yaml"])
    #expect(tampered.status == 3, "\(tampered.output)")
  }
}
