import Foundation
import KilnTestSupport
import Testing

/// Broken repositories: each gives a located error, exit code 2, and writes nothing.
@Suite(.serialized) struct BadInputTests {
  struct Breakage: Sendable, CustomStringConvertible {
    var description: String
    var file: String
    var old: String
    var new: String
    /// Text the error must contain (a location and the key words).
    var expected: [String]
  }

  static let breakages: [Breakage] = [
    Breakage(
      description: "template typo", file: "templates/mariadb/galera.cnf.j2",
      old: "bind-address={{ api_interface_address }}",
      new: "bind-address={{ api_interface_adress }}",
      expected: ["templates/mariadb/galera.cnf.j2:", "api_interface_adress", "KLN202"]),
    Breakage(
      description: "YAML syntax error", file: "environments/prod/env.yaml",
      old: "inherits:", new: "inherits: [unclosed\nx:",
      expected: ["environments/prod/env.yaml:"]),
    Breakage(
      description: "unknown parent env", file: "environments/prod/env.yaml",
      old: "inherits: [base]", new: "inherits: [bsae]",
      expected: ["environments/prod/env.yaml:", "bsae"]),
    Breakage(
      description: "group_vars file that is a list", file: "environments/base/group_vars/all.yaml",
      old: "", new: "- just\n- a list\n",
      expected: ["environments/base/group_vars/all.yaml:"]),
    Breakage(
      description: "unclosed block", file: "templates/mariadb/galera.cnf.j2",
      old: "[client]", new: "{% if true %}[client]",
      expected: ["templates/mariadb/galera.cnf.j2:", "KLN201"]),
  ]

  @Test(arguments: breakages)
  func breakageIsLocatedAndWritesNothing(_ breakage: Breakage) throws {
    let fixture = try ExampleFixture(label: "bad")
    defer { fixture.remove() }
    if breakage.old.isEmpty {
      try fixture.write(breakage.file, breakage.new)
    } else {
      try fixture.edit(breakage.file, replacing: breakage.old, with: breakage.new)
    }
    let result = try fixture.kiln("render", "--env", "prod", "--out", "out")
    #expect(result.exitCode == 2, "\(breakage): \(result.stderr)")
    for text in breakage.expected {
      #expect(result.stderr.contains(text), "\(breakage): missing '\(text)' in \(result.stderr)")
    }
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
  }

  @Test func failedRenderKeepsThePreviousOutput() throws {
    let fixture = try ExampleFixture(label: "keep")
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "out").exitCode == 0)
    let before = try fixture.tree("out")
    try fixture.edit(
      "templates/mariadb/galera.cnf.j2", replacing: "{{ mariadb_port }}", with: "{{ mariadb_prot }}"
    )
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "out").exitCode == 2)
    #expect(try fixture.tree("out") == before)
  }

  @Test func unknownRevisionIsOneLineAndExitsTwo() throws {
    let fixture = try ExampleFixture(label: "rev")
    defer { fixture.remove() }
    let result = try fixture.kiln("render", "--env", "prod", "--rev", "no-such-branch")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("no-such-branch"))
  }

  @Test func notARepositoryWithRevIsExitTwo() throws {
    let directory = try TemporaryDirectory.make("norepo")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try KilnProcess.run(["render", "--rev", "HEAD"], in: directory)
    #expect(result.exitCode == 2)
    #expect(!result.stderr.isEmpty)
  }

  @Test func usageErrorsExitTwoAndHelpExitsZero() throws {
    let directory = try TemporaryDirectory.make("usage")
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(try KilnProcess.run(["render", "--no-such-flag"], in: directory).exitCode == 2)
    let help = try KilnProcess.run(["--help"], in: directory)
    #expect(help.exitCode == 0)
    #expect(help.stdout.contains("render") && help.stdout.contains("explain"))
    let renderHelp = try KilnProcess.run(["help", "render"], in: directory)
    #expect(renderHelp.exitCode == 0)
    #expect(renderHelp.stdout.contains("--layout"))
  }
}
