import Foundation
import Testing

@Suite(.serialized) struct RenderCommandTests {
  @Test func rendersEveryHostWithManifestAndSummary() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln("render", "--env", "prod")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Rendered env prod"))
    let tree = try fixture.tree("out/prod")
    #expect(tree["ctl01/mariadb/galera.cnf"] != nil)
    #expect(tree["manifest.json"] != nil)
    let manifestData = try #require(tree["manifest.json"])
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
    let files = try #require(manifest["files"] as? [[String: Any]])
    #expect(files.count == tree.count - 1)
    for entry in files {
      let host = try #require(entry["host"] as? String)
      let path = try #require(entry["path"] as? String)
      let size = try #require(entry["size"] as? Int)
      #expect(tree["\(host)/\(path)"]?.count == size, "size of \(host)/\(path)")
    }
  }

  @Test func secondRenderIsByteIdentical() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "a").exitCode == 0)
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "b").exitCode == 0)
    let a = try fixture.tree("a")
    #expect(!a.isEmpty)
    #expect(a == (try fixture.tree("b")))
  }

  @Test func revHeadEqualsCleanWorkingTree() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "prod", "--out", "work").exitCode == 0)
    let result = try fixture.kiln("render", "--env", "prod", "--rev", "HEAD", "--out", "head")
    #expect(result.exitCode == 0, "\(result.stderr)")
    let work = try fixture.tree("work")
    let head = try fixture.tree("head")
    #expect(work.keys.sorted() == head.keys.sorted())
    for (path, bytes) in work where path != "manifest.json" {
      #expect(head[path] == bytes, "\(path) differs between the working tree and HEAD")
    }
  }

  @Test func revRendersAnOlderCommitWithoutTouchingTheCheckout() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    try fixture.write("environments/prod/group_vars/all.yaml.note", "x")
    try fixture.edit(
      "templates/haproxy/haproxy.cfg.j2", replacing: "    chroot /var/lib/haproxy",
      with: "    chroot /var/lib/haproxy\n    # second commit")
    try shell("git add -A && git commit -q -m second", in: fixture.root)
    try fixture.edit(
      "templates/haproxy/haproxy.cfg.j2", replacing: "# second commit", with: "# uncommitted")
    let old = try fixture.kiln("render", "--env", "prod", "--rev", "HEAD~1", "--out", "old")
    #expect(old.exitCode == 0, "\(old.stderr)")
    let new = try fixture.kiln("render", "--env", "prod", "--rev", "main", "--out", "new")
    #expect(new.exitCode == 0, "\(new.stderr)")
    let oldConfig = try fixture.read("old/ctl01/haproxy/haproxy.cfg")
    let newConfig = try fixture.read("new/ctl01/haproxy/haproxy.cfg")
    #expect(!oldConfig.contains("# second commit") && !oldConfig.contains("# uncommitted"))
    #expect(newConfig.contains("# second commit") && !newConfig.contains("# uncommitted"))
    #expect(try fixture.read("templates/haproxy/haproxy.cfg.j2").contains("# uncommitted"))
  }

  @Test func filtersByHostGroupAndService() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "render", "--env", "prod", "--group", "control", "--service", "mariadb", "--out", "sel")
    #expect(result.exitCode == 0, "\(result.stderr)")
    let paths = try fixture.tree("sel").keys.filter { $0 != "manifest.json" }.sorted()
    #expect(!paths.isEmpty)
    #expect(paths.allSatisfy { $0.hasPrefix("ctl0") && $0.contains("/mariadb/") })
    let one = try fixture.kiln("render", "--env", "prod", "--host", "cmp01", "--out", "one")
    #expect(one.exitCode == 0, "\(one.stderr)")
    #expect(
      try fixture.tree("one").keys.allSatisfy { $0 == "manifest.json" || $0.hasPrefix("cmp01/") })
  }

  @Test func kollaLayoutWritesNodeCustomConfigTree() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln("render", "--env", "prod", "--layout", "kolla", "--out", "kolla")
    #expect(result.exitCode == 0, "\(result.stderr)")
    let hosts = try fixture.tree("out-unused")
    #expect(hosts.isEmpty)
    let tree = try fixture.tree("kolla")
    #expect(tree["mariadb/ctl01/galera.cnf"] != nil)
    #expect(tree["ctl01/mariadb/galera.cnf"] == nil)
  }

  @Test func unknownHostIsAUsageErrorWithSuggestion() throws {
    let fixture = try ExampleFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln("render", "--env", "prod", "--host", "ctl1")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("no host named 'ctl1'"))
    #expect(result.stderr.contains("did you mean"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
  }
}
