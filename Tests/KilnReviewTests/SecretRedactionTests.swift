import KilnReview
import Testing

/// A file marked secret diffs only as keyed fingerprints; no report prints its contents.
struct SecretRedactionTests {
  @Test func secretFileShowsFingerprintsOnly() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "haproxy_threads: 4", with: "haproxy_threads: 7",
      in: "environments/prod/group_vars/control.yaml")
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: ["prod"], base: "HEAD"))
    let entry = try #require(report.environments.first?.changes.first)
    #expect(entry.path == "haproxy/haproxy.cfg")
    let secret = try #require(entry.secret)
    #expect(secret.old?.count == 12 && secret.new?.count == 12 && secret.old != secret.new)
    #expect(entry.oldText == nil && entry.newText == nil)
    #expect(entry.sources.map(\.location) == ["environments/prod/group_vars/control.yaml:7"])
    let reports = [
      TextReport.render(report), MarkdownReport.render(report), JSONReport.render(report),
      HTMLReport.render(report),
    ]
    for text in reports {
      #expect(text.contains(secret.new ?? "-") && text.contains("sha256:"))
      #expect(!text.contains("nbthread"))
      #expect(!text.contains("stats auth"))
    }
  }
}
