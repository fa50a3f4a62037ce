import Foundation
import KilnTestSupport
import Testing

/// The HTML report opened in headless Chromium: it loads without network, shows the summary,
/// applies the `#host=` filter from the URL fragment, and leaves a screenshot as an artifact.
@Suite(.serialized)
struct DiffHTMLTests {
  /// Where the screenshot is kept for people to look at.
  static let artifacts = packageRoot.appendingPathComponent(".build/artifacts")

  static func chromium() throws -> String {
    for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    where FileManager.default.isExecutableFile(atPath: path) {
      return path
    }
    throw ShellError(
      command: "chromium", output: "Debian's chromium is needed (apt-get install chromium)")
  }

  /// Runs headless Chromium with its own profile and returns what it printed.
  static func runChromium(_ arguments: [String], profile: URL) throws -> String {
    let command =
      ([
        try chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=\(profile.path)",
      ] + arguments)
      .map { "'\($0)'" }.joined(separator: " ")
    return try shell("timeout 120 \(command) 2>/dev/null", in: profile)
  }

  @Test func pageLoadsShowsSummaryAndFiltersByHost() throws {
    let fixture = try DiffCommandTests.changedFixture()
    defer { fixture.remove() }
    let page = fixture.root.appendingPathComponent("report.html")
    let result = try fixture.kiln("diff", "--base", "HEAD", "--format", "html", "--out", page.path)
    #expect(result.exitCode == 0, "\(result.stderr)")
    let html = try String(contentsOf: page, encoding: .utf8)
    #expect(!html.contains("http://") && !html.contains("https://"))
    let profile = try TemporaryDirectory.make("chromium")
    defer { try? FileManager.default.removeItem(at: profile) }

    let all = try Self.runChromium(["--dump-dom", page.absoluteString], profile: profile)
    #expect(all.contains("3 files on 3 hosts; restarts rabbitmq on control (3)"))
    #expect(all.contains("1 of 1 changes shown"))
    #expect(Self.article(in: all)?.contains("hidden") == false)

    let other = try Self.runChromium(
      ["--dump-dom", page.absoluteString + "#host=cmp01"], profile: profile)
    #expect(other.contains("0 of 1 changes shown"))
    #expect(Self.article(in: other)?.contains("hidden") == true)

    let control = try Self.runChromium(
      ["--dump-dom", page.absoluteString + "#host=ctl02&service=rabbitmq"], profile: profile)
    #expect(control.contains("1 of 1 changes shown"))

    try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
    let screenshot = Self.artifacts.appendingPathComponent("kiln-diff-report.png")
    try? FileManager.default.removeItem(at: screenshot)
    _ = try Self.runChromium(
      ["--screenshot=\(screenshot.path)", "--window-size=1280,900", page.absoluteString],
      profile: profile)
    let png = try Data(contentsOf: screenshot)
    #expect(png.count > 1000)
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
  }

  /// The opening tag of the first change article in a dumped DOM.
  static func article(in dom: String) -> String? {
    guard let start = dom.range(of: "<article class=\"change\"") else { return nil }
    guard let end = dom[start.upperBound...].firstIndex(of: ">") else { return nil }
    return String(dom[start.lowerBound...end])
  }
}
