import Foundation
import KilnReview
import Testing

/// The other shapes a change takes: a template line, formatting only, hosts added, files
/// added, a binary input, and a comment cut to its size limit.
struct ReviewShapeTests {
  static func review(_ fixture: ReviewFixture, env: String = "prod") async throws
    -> EnvironmentReview
  {
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: [env], base: "HEAD"))
    return try #require(report.environments.first)
  }

  @Test func templateLineIsTheSource() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "log.file.level = info", with: "log.file.level = debug",
      in: "templates/rabbitmq/rabbitmq.conf.j2")
    let review = try await Self.review(fixture)
    let entry = try #require(review.changes.first)
    #expect(review.changes.count == 1)
    #expect(entry.comparison.changes.map(\.path) == ["log.file.level"])
    #expect(entry.sources.map(\.location) == ["templates/rabbitmq/rabbitmq.conf.j2:16"])
    #expect(entry.sources.first?.text == "log.file.level = info → log.file.level = debug")
  }

  @Test func formattingOnlyChangeIsListedSeparately() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "log.file.level = info", with: "log.file.level   =   info\n\n",
      in: "templates/rabbitmq/rabbitmq.conf.j2")
    let review = try await Self.review(fixture)
    #expect(review.changes.isEmpty)
    let entry = try #require(review.formattingOnly.first)
    #expect(entry.comparison.cosmetic == .formatting)
    #expect(entry.hostLabel == "control (3 hosts)")
    #expect(
      TextReport.render(ReviewReport(base: "b", head: "h", environments: [review]))
        .contains("formatting-only changes"))
  }

  @Test func hostAddedToTheInventory() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "cmp04: {ansible_host: 192.168.10.34}",
      with: "cmp04: {ansible_host: 192.168.10.34}\n        cmp05: {ansible_host: 192.168.10.35}",
      in: "environments/prod/inventory.yaml")
    try fixture.write([
      "environments/prod/host_vars/cmp05.yaml":
        "api_interface_address: 10.0.0.35\nansible_memtotal_mb: 524288\nhardware_class: r650-compute\n"
    ])
    let review = try await Self.review(fixture)
    #expect(review.hostsAdded == ["cmp05"])
    #expect(review.hostsRemoved.isEmpty)
    #expect(review.summary.contains("hosts added: cmp05"))
  }

  @Test func binaryInputFileDoesNotStopTheReview() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.write("templates/rabbitmq/logo.bin", bytes: [0x89, 0xFF, 0x00, 0x01])
    try fixture.commit("binary")
    try fixture.write("templates/rabbitmq/logo.bin", bytes: [0x89, 0xFF, 0x00, 0x02])
    try fixture.replace(
      "log.file.level = info", with: "log.file.level = warning",
      in: "templates/rabbitmq/rabbitmq.conf.j2")
    let review = try await Self.review(fixture)
    let entry = try #require(review.changes.first)
    #expect(entry.sources.map(\.location).contains("templates/rabbitmq/logo.bin:0"))
    #expect(entry.sources.contains { $0.text == "binary file changed" })
  }

  @Test func markdownIsCutToTheLimitWithANote() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "api_interface_address: 10.0.0.12", with: "api_interface_address: 10.0.0.99",
      in: "environments/prod/host_vars/ctl02.yaml")
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: ["prod"], base: "HEAD"))
    let full = MarkdownReport.render(report)
    let cut = MarkdownReport.render(report, limit: 1200)
    #expect(!full.contains("not shown"))
    #expect(cut.count < full.count)
    #expect(cut.contains("not shown: the comment would exceed GitHub's size limit"))
  }
}
