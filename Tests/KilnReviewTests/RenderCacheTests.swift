import Foundation
import KilnCompiler
import KilnGit
import KilnReview
import Testing

/// The render cache: cold and warm results are identical, an unchanged host is never
/// re-rendered, and a host that reads other hosts' variables is re-rendered when they change.
@Suite(.serialized)
struct RenderCacheTests {
  static func cacheDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "kiln-cache-\(UUID().uuidString)"
    ).path
  }

  static func compile(_ root: URL, cache: RenderCache?) async throws -> (
    CompileResult, RenderCache.Statistics?
  ) {
    let compiler = try EnvironmentCompiler(
      source: WorkingTreeSource(root: root.path), environment: "prod", assignments: [])
    guard let cache else { return (try await compiler.compile(), nil) }
    let (partial, statistics) = try await cache.compile(compiler)
    #expect(partial.failures.isEmpty)
    return (partial.result, statistics)
  }

  @Test func coldAndWarmReviewsAreIdentical() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let directory = Self.cacheDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try fixture.replace(
      "haproxy_threads: 4", with: "haproxy_threads: 6",
      in: "environments/prod/group_vars/control.yaml")
    try fixture.replace(
      "api_interface_address: 10.0.0.12", with: "api_interface_address: 10.0.0.112",
      in: "environments/prod/host_vars/ctl02.yaml")
    let request = { (cache: RenderCache?) in
      ReviewRequest(
        repository: fixture.root.path, environments: ["prod"], base: "HEAD", cache: cache)
    }
    let uncached = JSONReport.render(try await Reviewer.review(request(nil)))
    let cache = RenderCache(directory: directory, toolVersion: "test")
    let cold = JSONReport.render(try await Reviewer.review(request(cache)))
    let warm = JSONReport.render(try await Reviewer.review(request(cache)))
    #expect(cold == uncached)
    #expect(warm == uncached)
    #expect(uncached.contains("10.0.0.112"))
  }

  @Test func oneHostVarsLineReRendersThatHostAndItsReaders() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let directory = Self.cacheDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = RenderCache(directory: directory, toolVersion: "test")
    let (_, first) = try await Self.compile(fixture.root, cache: cache)
    #expect(first == RenderCache.Statistics(hits: 0, misses: 9))
    let (_, second) = try await Self.compile(fixture.root, cache: cache)
    #expect(second == RenderCache.Statistics(hits: 9, misses: 0))

    // A hypervisor's own value: only that hypervisor, plus the hosts whose templates read
    // `hostvars` (the controllers), render again.
    try fixture.replace(
      "ansible_memtotal_mb: 524288", with: "ansible_memtotal_mb: 524289",
      in: "environments/prod/host_vars/cmp02.yaml")
    let (warm, third) = try await Self.compile(fixture.root, cache: cache)
    #expect(third == RenderCache.Statistics(hits: 5, misses: 4))
    let (cold, _) = try await Self.compile(fixture.root, cache: nil)
    #expect(warm.files == cold.files)

    // A controller's address read by the other controllers through hostvars.
    try fixture.replace(
      "api_interface_address: 10.0.0.12", with: "api_interface_address: 10.0.0.212",
      in: "environments/prod/host_vars/ctl02.yaml")
    let (warmAgain, _) = try await Self.compile(fixture.root, cache: cache)
    let (coldAgain, _) = try await Self.compile(fixture.root, cache: nil)
    #expect(warmAgain.files == coldAgain.files)
    let ctl01 = coldAgain.files.filter { $0.host == "ctl01" && $0.path == "rabbitmq/hosts" }
    #expect(
      ctl01.first.map { String(decoding: $0.contents, as: UTF8.self) }?.contains("10.0.0.212")
        == true)
  }

  @Test func aCorruptEntryIsAMissNotAnError() async throws {
    let fixture = try ReviewFixture()
    defer { fixture.remove() }
    let directory = Self.cacheDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let cache = RenderCache(directory: directory, toolVersion: "test")
    let (cold, _) = try await Self.compile(fixture.root, cache: cache)
    let entries =
      FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".json") } ?? []
    #expect(entries.count == 9)
    for entry in entries {
      try Data("{not json".utf8).write(to: URL(fileURLWithPath: directory + "/" + entry))
    }
    let (warm, statistics) = try await Self.compile(fixture.root, cache: cache)
    #expect(statistics == RenderCache.Statistics(hits: 0, misses: 9))
    #expect(warm.files == cold.files)
  }
}
