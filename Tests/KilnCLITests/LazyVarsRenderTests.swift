import Foundation
import KilnTestSupport
import Testing

/// `kiln render --host` parses only the vars files the host reads: another host's broken
/// host_vars does not stop it, while a full render (or a host reading the file through
/// `hostvars`) reports the file's error at its line and column.
@Suite struct LazyVarsRenderTests {
  /// The example with `Tests/Fixtures/lazy-vars/<name>` laid over its working tree.
  private func layOver(_ name: String, on fixture: ExampleFixture) throws {
    let directory = packageRoot.appendingPathComponent("Tests/Fixtures/lazy-vars/\(name)")
    for (path, data) in files(under: directory) {
      try fixture.write(path, String(decoding: data, as: UTF8.self))
    }
  }

  @Test func oneHostRendersBesideAnotherHostsBrokenFile() throws {
    let fixture = try ExampleFixture(label: "lazy-vars-compute")
    defer { fixture.remove() }
    let clean = try fixture.kiln("render", "--env", "prod", "--host", "cmp01", "--out", "clean")
    #expect(clean.exitCode == 0, "\(clean.stderr)")
    try layOver("broken-compute", on: fixture)
    let one = try fixture.kiln("render", "--env", "prod", "--host", "cmp01", "--out", "one")
    #expect(one.exitCode == 0, "\(one.stderr)")
    #expect(one.stderr.isEmpty)
    let rendered = try fixture.tree("one/cmp01")
    #expect(!rendered.isEmpty)
    #expect(rendered == (try fixture.tree("clean/cmp01")))
    let all = try fixture.kiln("render", "--env", "prod", "--out", "all")
    #expect(all.exitCode == 2)
    #expect(all.stderr.contains("environments/prod/host_vars/cmp04.yaml:4:15: error[KLN101]"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("all").path))
  }

  @Test func hostReadingTheBrokenFileThroughHostvarsReportsIt() throws {
    let fixture = try ExampleFixture(label: "lazy-vars-controller")
    defer { fixture.remove() }
    try layOver("broken-controller", on: fixture)
    let compute = try fixture.kiln("render", "--env", "prod", "--host", "cmp01", "--out", "cmp")
    #expect(compute.exitCode == 0, "\(compute.stderr)")
    let peer = try fixture.kiln("render", "--env", "prod", "--host", "ctl01", "--out", "ctl")
    #expect(peer.exitCode == 2)
    #expect(peer.stderr.contains("environments/prod/host_vars/ctl03.yaml:2:1: error[KLN111]"))
    let check = try fixture.kiln("check", "--env", "prod")
    #expect(check.exitCode == 2)
    #expect(check.stderr.contains("environments/prod/host_vars/ctl03.yaml:2:1: error[KLN111]"))
  }
}
