import Foundation
import Testing

@testable import KilnGit

/// Timings for many small files (one per host, as `host_vars` has); run with
/// `KILN_GIT_BENCH=1` (the count with `KILN_GIT_BENCH_FILES`, default 10,000).
@Suite(
  "Read throughput", .enabled(if: ProcessInfo.processInfo.environment["KILN_GIT_BENCH"] != nil))
struct ReadThroughputTests {
  private static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  @Test("reads every host file at a commit and in the working tree")
  func readsManyFiles() async throws {
    let count = Int(ProcessInfo.processInfo.environment["KILN_GIT_BENCH_FILES"] ?? "") ?? 10_000
    let fixture = try GitFixture()
    let paths = (0..<count).map { String(format: "host_vars/host-%05d.yml", $0) }
    for (index, path) in paths.enumerated() {
      try fixture.write(path, "address: 10.0.\(index / 256).\(index % 256)\nmemory_mb: 65536\n")
    }
    try fixture.commitAll("Hosts", date: 1_700_000_000)
    let repository = try GitRepository.open(at: fixture.root)
    var tree = try repository.tree(at: repository.resolve("HEAD"))
    let working = WorkingTreeSource(root: fixture.root)
    var total = 0
    let cold = try Self.seconds {
      for path in paths { total += try tree.readFile(path)?.count ?? 0 }
    }
    let warm = try Self.seconds { for path in paths { _ = try tree.readFile(path) } }
    let ids = try Self.seconds { for path in paths { _ = try tree.contentID(path) } }
    let workingRead = try Self.seconds { for path in paths { _ = try working.readFile(path) } }
    let workingIDs = try Self.seconds { for path in paths { _ = try working.contentID(path) } }
    tree = try repository.tree(at: repository.resolve("HEAD"))
    let shared = tree
    let start = ContinuousClock.now
    let parallelTotal = try await withThrowingTaskGroup(of: Int.self) { group in
      for slice in 0..<8 {
        group.addTask {
          var sum = 0
          for path in paths[(slice * count / 8)..<((slice + 1) * count / 8)] {
            sum += try shared.readFile(path)?.count ?? 0
          }
          return sum
        }
      }
      return try await group.reduce(0, +)
    }
    let parallel = ContinuousClock.now - start
    #expect(parallelTotal == total)
    print(
      """
      files \(count): git cold \(cold)s, warm \(warm)s, contentID \(ids)s; working tree read \
      \(workingRead)s, contentID \(workingIDs)s; git cold, 8 tasks \(parallel)
      """)
  }
}
