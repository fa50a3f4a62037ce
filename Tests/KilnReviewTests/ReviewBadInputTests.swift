import KilnDiagnostics
import KilnReview
import Testing

/// Unknown revisions, environments that exist on one side only, and a side that fails to
/// render.
struct ReviewBadInputTests {
  @Test func unknownBaseRevisionIsALocatedError() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    await #expect {
      _ = try await Reviewer.review(
        ReviewRequest(repository: fixture.root.path, environments: ["prod"], base: "no-such-rev"))
    } throws: { error in
      guard let error = error as? DiagnosticsError else { return false }
      return error.description.contains("no-such-rev")
    }
  }

  @Test func environmentAddedAtHead() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.write([
      "environments/qa/env.yaml": "inherits: [base]\n",
      "environments/qa/inventory.yaml":
        "all:\n  children:\n    compute:\n      hosts:\n        qa01: {}\n",
      "environments/qa/host_vars/qa01.yaml": "api_interface_address: 10.9.0.1\n",
    ])
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: ["qa"], base: "HEAD"))
    let review = try #require(report.environments.first)
    #expect(review.status == .added)
    #expect(review.hostsAdded == ["qa01"])
    #expect(review.summary.hasPrefix("environment added: 1 host, "))
    #expect(report.hasChanges && !report.hasFindings)
  }

  @Test func environmentOnNeitherSideIsAnError() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    await #expect(throws: DiagnosticsError.self) {
      _ = try await Reviewer.review(
        ReviewRequest(repository: fixture.root.path, environments: ["nope"], base: "HEAD"))
    }
  }

  /// The head breaks the RabbitMQ template (controllers fail) and changes a hypervisor: the
  /// failure is a head finding, the hypervisor's change is still reported.
  @Test func renderFailureOnOneSideIsAFindingAndTheRestIsDiffed() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "{% for key, value in rabbitmq_extra_config.items() %}",
      with:
        "{{ no_such_variable_anywhere }}\n{% for key, value in rabbitmq_extra_config.items() %}",
      in: "templates/rabbitmq/rabbitmq.conf.j2")
    try fixture.replace(
      "api_interface_address: 10.0.0.32", with: "api_interface_address: 10.0.0.62",
      in: "environments/prod/host_vars/cmp02.yaml")
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: ["prod"], base: "HEAD"))
    let review = try #require(report.environments.first)
    #expect(report.hasFindings)
    #expect(review.findings.map(\.side) == [.head])
    #expect(review.findings.first?.diagnostic.message.contains("no_such_variable_anywhere") == true)
    #expect(review.changedHosts.contains("cmp02"))
    #expect(!review.changedHosts.contains("ctl01"))
  }
}
