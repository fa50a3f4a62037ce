import Foundation
import KilnCompiler
import KilnReview
import Testing

/// Key-first reviews: hosts whose render keys are equal at base and head are neither rendered
/// nor compared, and the report is the same cold, warm and without a cache.
@Suite(.serialized)
struct KeyedReviewTests {
  static let hypervisorVars = "environments/prod/host_vars/cmp02.yaml"

  /// The example with one hypervisor's memory changed in the working tree.
  static func oneHostChanged() throws -> ReviewFixture {
    let fixture = try ReviewFixture()
    try fixture.replace(
      "api_interface_address: 10.0.0.32", with: "api_interface_address: 10.0.0.62",
      in: hypervisorVars)
    return fixture
  }

  /// The reviews without a cache, cold and warm, in that order.
  static func threeReviews(_ fixture: ReviewFixture) async throws -> [EnvironmentReview] {
    let directory = RenderCacheTests.cacheDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = RenderCache(directory: directory, toolVersion: "test")
    var reviews: [EnvironmentReview] = []
    for cache in [nil, cache, cache] {
      let report = try await Reviewer.review(
        ReviewRequest(
          repository: fixture.root.path, environments: ["prod"], base: "HEAD", cache: cache))
      reviews += report.environments
    }
    return reviews
  }

  /// Renders every format of one environment's report.
  static func formats(_ review: EnvironmentReview) -> [String] {
    let report = ReviewReport(base: "base", head: "head", environments: [review])
    return [
      JSONReport.render(report), TextReport.render(report, colour: false),
      MarkdownReport.render(report), HTMLReport.render(report),
    ]
  }

  @Test func coldWarmAndUncachedReportsAreIdentical() async throws {
    let fixture = try Self.oneHostChanged()
    defer { fixture.remove() }
    let reviews = try await Self.threeReviews(fixture)
    let expected = Self.formats(reviews[0])
    for review in reviews.dropFirst() {
      #expect(Self.formats(review) == expected)
    }
    #expect(reviews[0].changedHosts == ["cmp02"])
    #expect(expected[0].contains("10.0.0.62"))
  }

  /// Only the changed hypervisor and the controllers (whose templates read `hostvars`) are
  /// compared; warm, nothing is rendered at all, and only those hosts are read from the cache.
  @Test func unchangedHostsAreNotRendered() async throws {
    let fixture = try Self.oneHostChanged()
    defer { fixture.remove() }
    let reviews = try await Self.threeReviews(fixture)
    let works = reviews.map(\.work)
    // Without a cache the unchanged hosts are rendered once, at head, to learn whether they
    // still render; the cold run stores them, so the warm run needs neither.
    #expect(
      works[0]
        == ReviewWork(hosts: 9, changed: 4, renderedBase: 4, renderedHead: 9, fromCache: 0))
    #expect(
      works[1]
        == ReviewWork(hosts: 9, changed: 4, renderedBase: 4, renderedHead: 9, fromCache: 0))
    #expect(
      works[2]
        == ReviewWork(hosts: 9, changed: 4, renderedBase: 0, renderedHead: 0, fromCache: 8))
    #expect(
      works[2]?.summary
        == "compared 4 of 9 hosts (the others' inputs are unchanged); rendered 0 at base, "
        + "0 at head, 8 from the render cache")
  }

  /// A host that fails on both sides without a change still shows as a finding on each side,
  /// whether or not a cache is used.
  @Test func anUnchangedFailingHostIsReportedOnBothSides() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    try fixture.replace(
      "api_interface_address: 10.0.0.21",
      with: "api_interface_address: \"{{ no_such_variable_anywhere }}\"",
      in: "environments/prod/host_vars/mon01.yaml")
    try fixture.commit("mon01 cannot render")
    try fixture.replace(
      "api_interface_address: 10.0.0.32", with: "api_interface_address: 10.0.0.62",
      in: Self.hypervisorVars)
    let reviews = try await Self.threeReviews(fixture)
    let expected = Self.formats(reviews[0])
    for review in reviews.dropFirst() {
      #expect(Self.formats(review) == expected)
    }
    #expect(reviews[0].findings.map(\.side) == [.base, .head])
    #expect(reviews[0].findings.allSatisfy { $0.diagnostic.message.contains("no_such_variable") })
    #expect(reviews[0].changedHosts == ["cmp02"])
  }

  /// Equal revisions: every key is equal, so nothing is compared.
  @Test func equalRevisionsCompareNoHost() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let report = try await Reviewer.review(
      ReviewRequest(repository: fixture.root.path, environments: ["prod"], base: "HEAD"))
    let review = try #require(report.environments.first)
    #expect(review.work?.changed == 0)
    #expect(review.summary == "no file changes")
  }
}
