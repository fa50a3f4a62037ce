import Foundation
import KilnTestSupport
import Testing

@testable import KilnBundle

/// Sealing the example repository: reproducibility, the dirty-tree refusal, re-rendering.
struct SealTests {
  static func options(version: UInt64? = nil, name: String = "prod.kiln") -> BundleSealer.Options {
    BundleSealer.Options(
      environment: "prod", revision: "HEAD", version: version,
      expires: Date(timeIntervalSinceNow: 86400), repositoryName: "example", kilnVersion: "0.1.0",
      archiveName: name)
  }

  @Test func sameCommitSealedTwiceIsByteIdentical() async throws {
    let fixture = try RepositoryFixture.make()
    let first = try await BundleSealer.seal(
      repositoryPath: fixture.repository, options: Self.options(), key: Fixtures.releaseA)
    let second = try await BundleSealer.seal(
      repositoryPath: fixture.repository, options: Self.options(version: 7, name: "other.kiln"),
      key: Fixtures.releaseB)
    #expect(first.archive == second.archive)
    #expect(first.fileCount > 0)
    #expect(first.facts.version == 1_767_225_600)
    #expect(second.facts.version == 7)
    let entries = try TarReader.entries(of: first.archive)
    #expect(
      entries.map(\.path).filter { !$0.hasPrefix("files/") && !$0.hasPrefix("secrets/") } == [
        "health/galera-cluster-size.sh", "health/monasca-log-arrival.sh",
        "health/rabbitmq-cluster-status.sh", "manifest.json", "rollout.json",
      ])
    #expect(
      entries.filter { $0.path.hasPrefix("secrets/") }.map(\.path)
        == [
          "database_password", "haproxy_password", "keepalived_password",
          "monasca_agent_password", "rabbitmq_cluster_cookie", "rabbitmq_password",
        ].map { "secrets/\($0).age" })
    #expect(
      entries.map(\.path)
        == entries.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
  }

  @Test func refusesADirtyTreeButIgnoresKilnCache() async throws {
    let fixture = try RepositoryFixture.make()
    try FileManager.default.createDirectory(
      atPath: fixture.repository + "/.kiln", withIntermediateDirectories: true)
    try Data("cache".utf8).write(to: URL(fileURLWithPath: fixture.repository + "/.kiln/x"))
    _ = try await BundleSealer.seal(
      repositoryPath: fixture.repository, options: Self.options(), key: Fixtures.releaseA)
    try Data("# edited\n".utf8).write(to: URL(fileURLWithPath: fixture.repository + "/kiln.yaml"))
    await #expect(throws: (any Error).self) {
      _ = try await BundleSealer.seal(
        repositoryPath: fixture.repository, options: Self.options(), key: Fixtures.releaseA)
    }
  }

  @Test func rerenderMatchesTheSealedCommitAndCatchesAnother() async throws {
    let fixture = try RepositoryFixture.make()
    let bundle = try await BundleSealer.seal(
      repositoryPath: fixture.repository, options: Self.options(), key: Fixtures.releaseA)
    let input = Fixtures.input(archive: bundle.archive, facts: bundle.facts)
    let verified = try BundleVerifier(policy: Fixtures.policy).verify(input)
    let rendered = try await BundleSealer.rerender(
      verified, archive: bundle.archive, repositoryPath: fixture.repository)
    #expect(rendered == bundle.archive)
    var forged = verified
    forged.entries[0].contents += [10]
    await #expect(throws: BundleRejection.self) {
      _ = try await BundleSealer.rerender(
        forged, archive: bundle.archive + [0], repositoryPath: fixture.repository)
    }
  }

  /// The sealed example bundle: a thousand sampled single-byte flips, each rejected.
  @Test func sampledByteFlipsOfTheSealedExampleAreRejected() async throws {
    let fixture = try RepositoryFixture.make()
    let bundle = try await BundleSealer.seal(
      repositoryPath: fixture.repository, options: Self.options(), key: Fixtures.releaseA)
    let input = Fixtures.input(archive: bundle.archive, facts: bundle.facts)
    let verifier = BundleVerifier(policy: Fixtures.policy)
    _ = try verifier.verify(input)
    var generator = SplitMix64(seed: 42)
    var tried = 0
    var rejected = 0
    for _ in 0..<1000 {
      var tampered = input
      tampered.archive[Int(generator.next() % UInt64(input.archive.count))] ^=
        UInt8(truncatingIfNeeded: generator.next() % 255 + 1)
      tried += 1
      if (try? verifier.verify(tampered)) == nil { rejected += 1 }
    }
    #expect(tried == 1000)
    #expect(rejected == tried)
  }
}
