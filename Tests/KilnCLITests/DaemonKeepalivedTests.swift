import Foundation
import Testing

extension DaemonTests {
  /// Every rendered `keepalived.conf` passes keepalived's own configuration test.
  @Suite struct Keepalived {
    @Test(arguments: ["prod", "staging"])
    func everyConfigPassesTheConfigTest(environment: String) throws {
      let keepalived = try DaemonTool.locate("keepalived", package: "keepalived")
      let interface = try Self.localInterface()
      let rendered = try RenderedExample(environment: environment)
      defer { rendered.remove() }
      let files = try rendered.files("keepalived/keepalived.conf")
      try #require(!files.isEmpty, "no keepalived.conf rendered for \(environment)")
      for (host, url) in files {
        let local = try Self.localCopy(of: url, interface: interface)
        let run = try DaemonTool.run(
          DaemonTool.asRoot([keepalived, "--config-test", "-f", local.path]))
        #expect(run.exitCode == 0, "\(host): keepalived --config-test failed:\n\(run.output)")
      }
    }

    @Test func unknownKeywordFailsTheConfigTest() throws {
      let keepalived = try DaemonTool.locate("keepalived", package: "keepalived")
      let rendered = try RenderedExample(environment: "staging")
      defer { rendered.remove() }
      let url = try #require(try rendered.files("keepalived/keepalived.conf").first).url
      let local = try Self.localCopy(of: url, interface: try Self.localInterface())
      let text = try readText(local).replacingOccurrences(
        of: "    advert_int", with: "    kiln_no_such_keyword 1\n    advert_int")
      try writeText(text, to: local)
      let run = try DaemonTool.run(
        DaemonTool.asRoot([keepalived, "--config-test", "-f", local.path]))
      #expect(run.exitCode != 0)
      #expect(run.output.contains("Unknown keyword 'kiln_no_such_keyword'"), "\(run.output)")
    }

    /// A copy of a rendered `keepalived.conf` beside it, changed in two places only, both facts
    /// of the target host rather than of the configuration: the VRRP interface (`bond0` on the
    /// controllers) becomes an interface this machine has, because `--config-test` fails on an
    /// interface that does not exist, and the track script path `/etc/keepalived/check_alive.sh`
    /// (where deployment installs it) becomes the rendered `check_alive.sh` next to it, because
    /// with `enable_script_security` a missing script also fails the test. `lo` cannot stand in:
    /// keepalived refuses "a loopback interface (lo) for vrrp".
    static func localCopy(of url: URL, interface: String) throws -> URL {
      let directory = url.deletingLastPathComponent()
      let script = directory.appendingPathComponent("check_alive.sh")
      #expect(FileManager.default.isExecutableFile(atPath: script.path), "check_alive.sh mode")
      let rendered = try readText(url)
      let renderedInterface = try #require(Self.vrrpInterface(rendered), "no interface line")
      var text = rendered.replacingOccurrences(
        of: "\"/etc/keepalived/check_alive.sh\"", with: "\"\(script.path)\"")
      text = text.replacingOccurrences(
        of: "interface \(renderedInterface)\n", with: "interface \(interface)\n")
      text = text.replacingOccurrences(
        of: " dev \(renderedInterface)\n", with: " dev \(interface)\n")
      #expect(text != rendered)
      let copy = directory.appendingPathComponent("keepalived.local.conf")
      try writeText(text, to: copy)
      return copy
    }

    /// The interface named by the first `interface` line.
    static func vrrpInterface(_ text: String) -> String? {
      for line in text.split(separator: "\n") {
        let words = line.split(separator: " ")
        if words.count == 2, words[0] == "interface" { return String(words[1]) }
      }
      return nil
    }

    /// A non-loopback network interface of this machine, Ethernet-style names first.
    static func localInterface() throws -> String {
      let names = try FileManager.default.contentsOfDirectory(atPath: "/sys/class/net")
        .filter { $0 != "lo" }.sorted()
      let preferred = names.first { $0.hasPrefix("eth") || $0.hasPrefix("en") }
      return try #require(preferred ?? names.first, "this machine has no non-loopback interface")
    }
  }
}
