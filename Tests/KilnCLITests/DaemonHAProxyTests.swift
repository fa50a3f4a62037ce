import Foundation
import Testing

extension DaemonTests {
  /// Every rendered `haproxy.cfg` passes HAProxy's own configuration check.
  @Suite struct HAProxy {
    @Test(arguments: ["prod", "staging"])
    func everyConfigPassesTheCheck(environment: String) throws {
      let haproxy = try DaemonTool.locate("haproxy", package: "haproxy")
      let rendered = try RenderedExample(environment: environment)
      defer { rendered.remove() }
      let files = try rendered.files("haproxy/haproxy.cfg")
      try #require(!files.isEmpty, "no haproxy.cfg rendered for \(environment)")
      for (host, url) in files {
        let run = try DaemonTool.run([haproxy, "-c", "-f", url.path])
        #expect(run.exitCode == 0, "\(host): haproxy -c failed:\n\(run.output)")
        #expect(run.output.contains("Configuration file is valid"), "\(host): \(run.output)")
      }
    }

    @Test func unknownKeywordFailsTheCheck() throws {
      let haproxy = try DaemonTool.locate("haproxy", package: "haproxy")
      let rendered = try RenderedExample(environment: "staging")
      defer { rendered.remove() }
      let url = try #require(try rendered.files("haproxy/haproxy.cfg").first).url
      let broken = url.deletingLastPathComponent().appendingPathComponent("broken.cfg")
      let text = try readText(url).replacingOccurrences(
        of: "global\n", with: "global\n    kiln_no_such_keyword 1\n")
      try writeText(text, to: broken)
      let run = try DaemonTool.run([haproxy, "-c", "-f", broken.path])
      #expect(run.exitCode != 0)
      #expect(run.output.contains("unknown keyword 'kiln_no_such_keyword'"), "\(run.output)")
    }
  }
}
