import Foundation
import KilnReview
import Testing

/// The done-when case: a one-line change to `environments/prod/group_vars/control.yaml`,
/// committed in a history built here, reviewed in every report format.
@Suite(.serialized)
struct GroupedReviewTests {
  static let controlVars = "environments/prod/group_vars/control.yaml"

  /// The example, committed, then the RabbitMQ watermark raised in one line and committed.
  static func reviewOfOneLineChange() async throws -> (ReviewReport, ReviewFixture) {
    let fixture = try ReviewFixture()
    try fixture.replace(
      "vm_memory_high_watermark.relative: 0.6", with: "vm_memory_high_watermark.relative: 0.7",
      in: controlVars)
    try fixture.commit("raise the RabbitMQ memory watermark on controllers")
    let report = try await Reviewer.review(
      ReviewRequest(
        repository: fixture.root.path, environments: ["prod"], base: "HEAD~1", head: "HEAD"))
    return (report, fixture)
  }

  @Test func oneGroupedEntryNamesGroupKeyRestartAndSource() async throws {
    let (report, fixture) = try await Self.reviewOfOneLineChange()
    defer { fixture.remove() }
    let review = try #require(report.environments.first)
    #expect(review.summary == "3 files on 3 hosts; restarts rabbitmq on control (3)")
    #expect(review.changes.count == 1)
    let entry = try #require(review.changes.first)
    #expect(entry.hostLabel == "control (3 hosts)")
    #expect(entry.hosts == ["ctl01", "ctl02", "ctl03"])
    #expect(entry.path == "rabbitmq/rabbitmq.conf")
    #expect(entry.restarts == ["rabbitmq"])
    #expect(
      entry.comparison.changes.map { "\($0.path): \($0.old ?? "") → \($0.new ?? "")" } == [
        "vm_memory_high_watermark.relative: 0.6 → 0.7"
      ])
    #expect(entry.sources.map(\.location) == ["\(Self.controlVars):6"])
    #expect(report.hasChanges && !report.hasFindings)
  }

  @Test func textReport() async throws {
    let (report, fixture) = try await Self.reviewOfOneLineChange()
    defer { fixture.remove() }
    let lines = TextReport.render(report).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first?.hasPrefix("kiln diff: commit ") == true)
    #expect(
      lines.dropFirst().joined(separator: "\n") == """

        env prod: 3 files on 3 hosts; restarts rabbitmq on control (3)

          control (3 hosts)  rabbitmq/rabbitmq.conf  [service rabbitmq, restarts rabbitmq, waves 2, 3]
            vm_memory_high_watermark.relative: 0.6 → 0.7
            source: \(Self.controlVars):6  vm_memory_high_watermark.relative: 0.6 → vm_memory_high_watermark.relative: 0.7

        """)
  }

  @Test func markdownReport() async throws {
    let (report, fixture) = try await Self.reviewOfOneLineChange()
    defer { fixture.remove() }
    let markdown = MarkdownReport.render(report)
    #expect(
      markdown.contains("### env `prod`: 3 files on 3 hosts; restarts rabbitmq on control (3)"))
    let details = try #require(markdown.range(of: "<details>"))
    #expect(
      String(markdown[details.lowerBound...]) == """
        <details>
        <summary><b>control (3 hosts)</b> · <code>rabbitmq/rabbitmq.conf</code> · restarts rabbitmq · waves 2, 3</summary>

        Hosts: `ctl01`, `ctl02`, `ctl03` · service `rabbitmq`

        - `vm_memory_high_watermark.relative`: `0.6` → `0.7`

        - source `\(Self.controlVars):6`: `vm_memory_high_watermark.relative: 0.6 → vm_memory_high_watermark.relative: 0.7`

        </details>


        """)
  }

  @Test func jsonReport() async throws {
    let (report, fixture) = try await Self.reviewOfOneLineChange()
    defer { fixture.remove() }
    let json = JSONReport.render(report)
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(root["schema"] as? String == "kiln-diff/1")
    #expect(root["changed"] as? Bool == true)
    let environment = try #require((root["environments"] as? [[String: Any]])?.first)
    #expect(environment["status"] as? String == "compared")
    let change = try #require((environment["changes"] as? [[String: Any]])?.first)
    #expect(change["label"] as? String == "control (3 hosts)")
    #expect(change["group"] as? String == "control")
    #expect(change["restarts"] as? [String] == ["rabbitmq"])
    #expect(change["waves"] as? [Int] == [2, 3])
    #expect(change["outcome"] as? String == "semantic")
    let entry = try #require((change["entries"] as? [[String: Any]])?.first)
    #expect(entry["path"] as? String == "vm_memory_high_watermark.relative")
    #expect(entry["old"] as? String == "0.6")
    #expect(entry["new"] as? String == "0.7")
    let source = try #require((change["sources"] as? [[String: Any]])?.first)
    #expect(source["file"] as? String == Self.controlVars)
    #expect(source["line"] as? Int == 6)
  }
}
