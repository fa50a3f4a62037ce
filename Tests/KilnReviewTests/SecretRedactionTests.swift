import KilnReview
import Testing

/// A file marked secret diffs only as keyed fingerprints; no report prints its contents.
struct SecretRedactionTests {
  /// haproxy.cfg differs per controller, so the grouped entry cannot show one pair of
  /// fingerprints; one host's change shows its pair.
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
    #expect(entry.hostLabel == "control (3 hosts)")
    let secret = try #require(entry.secret)
    #expect(secret.perHost && secret.old == nil && secret.new == nil)
    #expect(entry.oldText == nil && entry.newText == nil)
    #expect(entry.sources.map(\.location) == ["environments/prod/group_vars/control.yaml:7"])
    let reports = [
      TextReport.render(report), MarkdownReport.render(report), JSONReport.render(report),
      HTMLReport.render(report),
    ]
    for text in reports {
      #expect(text.contains("differ per host") || text.contains("\"perHost\": true"))
      #expect(!text.contains("<secret"))
      #expect(!text.contains("nbthread"))
      #expect(!text.contains("stats auth"))
    }
  }
}

extension SecretRedactionTests {
  @Test func oneHostsSecretFileShowsItsFingerprints() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "keepalived_priority: 140", with: "keepalived_priority: 141",
      in: "environments/prod/host_vars/ctl02.yaml")
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: ["prod"], base: "HEAD"))
    let entry = try #require(report.environments.first?.changes.first)
    #expect(entry.hosts == ["ctl02"])
    #expect(entry.path == "keepalived/keepalived.conf")
    let secret = try #require(entry.secret)
    #expect(!secret.perHost && secret.old?.count == 12 && secret.new?.count == 12)
    #expect(secret.old != secret.new)
    let text = TextReport.render(report)
    #expect(text.contains("changed (sha256:\(secret.old ?? "")… → \(secret.new ?? "")…)"))
    #expect(!text.contains("priority 141"))
  }
}
