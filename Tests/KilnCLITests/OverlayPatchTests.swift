import Foundation
import KilnTestSupport
import Testing

/// Overlay file patches (design §2 layer 6) through the CLI on a copy of the example.
@Suite(.serialized) struct OverlayPatchTests {
  @Test func galeraPatchChangesProdControllersOnly() throws {
    let fixture = try ExampleFixture(label: "patch")
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "prod").exitCode == 0)
    #expect(try fixture.kiln("render", "--env", "staging", "--out", "staging").exitCode == 0)
    let prod = try fixture.read("prod/ctl01/mariadb/galera.cnf")
    #expect(prod.contains("innodb_io_capacity = 4000\n"))
    #expect(prod.contains("max_allowed_packet = 64M\n"))
    let staging = try fixture.tree("staging").filter { $0.key.hasSuffix("galera.cnf") }
    #expect(!staging.isEmpty)
    for (path, data) in staging {
      #expect(!String(decoding: data, as: UTF8.self).contains("innodb_io_capacity"), "\(path)")
    }
  }

  @Test func nodeCustomConfigTreeOverridesPerHost() throws {
    let fixture = try ExampleFixture(label: "custom-config")
    defer { fixture.remove() }
    try fixture.write(
      "overlays/galera-tuning/config/mariadb/ctl02/galera.cnf",
      "[mysqld]\nwsrep_slave_threads = {{ 2 * 8 }}\n")
    try fixture.write("overlays/galera-tuning/config/rabbitmq/ctl03/enabled_plugins", "[].\n")
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "out").exitCode == 0)
    #expect(try fixture.read("out/ctl02/mariadb/galera.cnf").contains("wsrep_slave_threads = 16\n"))
    #expect(
      !(try fixture.read("out/ctl01/mariadb/galera.cnf").contains("wsrep_slave_threads = 16")))
    #expect(try fixture.read("out/ctl03/rabbitmq/enabled_plugins") == "[].\n")
    #expect(try fixture.read("out/ctl01/rabbitmq/enabled_plugins") != "[].\n")
  }

  @Test func patchForAFileNoServiceRendersIsLocated() throws {
    let fixture = try ExampleFixture(label: "bad-patch")
    defer { fixture.remove() }
    try fixture.edit(
      "overlays/galera-tuning/overlay.yaml", replacing: "file: mariadb/galera.cnf",
      with: "file: mariadb/galera.conf")
    let result = try fixture.kiln("render", "--env", "prod", "--out", "out")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("overlays/galera-tuning/overlay.yaml:"))
    #expect(result.stderr.contains("mariadb/galera.conf"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
  }

  @Test func malformedFragmentIsLocatedInTheFragment() throws {
    let fixture = try ExampleFixture(label: "bad-fragment")
    defer { fixture.remove() }
    try fixture.write("overlays/galera-tuning/galera.cnf", "[mysqld\nkey = value\n")
    let result = try fixture.kiln("render", "--env", "prod", "--out", "out")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("overlays/galera-tuning/galera.cnf:1:"), "\(result.stderr)")
  }

  @Test func mergeCommandAppliesKollaIniSemantics() throws {
    let directory = try TemporaryDirectory.make("merge")
    defer { try? FileManager.default.removeItem(at: directory) }
    try writeFiles(
      [
        "base.ini": "# comment\n[DEFAULT]\ndebug=False\n[db]\nmax=1\n",
        "patch.ini": "[db]\nmax = 2\nnew: x\n",
        "base.json": "{\"a\": {\"b\": 1, \"c\": 2}}",
        "patch.json": "{\"a\": {\"c\": null, \"d\": 3}}",
      ], under: directory)
    let ini = try KilnProcess.run(
      ["merge", "--kind", "ini", "base.ini", "patch.ini"], in: directory)
    #expect(ini.exitCode == 0, "\(ini.stderr)")
    #expect(ini.stdout == "[DEFAULT]\ndebug = False\n\n[db]\nmax = 2\nnew = x\n\n")
    let json = try KilnProcess.run(
      ["merge", "--kind", "json-merge", "base.json", "patch.json"], in: directory)
    #expect(json.exitCode == 0, "\(json.stderr)")
    #expect(json.stdout.contains("\"d\": 3") && !json.stdout.contains("\"c\""))
    let unknown = try KilnProcess.run(["merge", "--kind", "toml", "base.ini"], in: directory)
    #expect(unknown.exitCode == 2)
  }
}
