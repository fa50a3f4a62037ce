import Testing

@testable import KilnGit

@Suite("Concurrent reads")
struct ConcurrentReadTests {
  private static let paths = [
    "kiln.yaml", "env/base/vars.yaml", "env/prod/vars.yaml", "bin/run.sh",
  ]

  /// Every path's bytes and content id, read through `source`.
  private static func snapshot(_ source: any SourceTree) throws -> [String] {
    var lines: [String] = []
    for path in paths {
      let bytes = try source.readFile(path) ?? []
      let id = try source.contentID(path) ?? "-"
      let listing = try source.listDirectory("env")?.map(\.name).joined(separator: ",") ?? "-"
      lines.append("\(path) \(id) \(listing) " + String(decoding: bytes, as: UTF8.self))
    }
    return lines
  }

  @Test("many tasks reading one repository's trees get identical results")
  func sharedGitTree() async throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let shared = try repository.tree(at: repository.resolve("HEAD~1"))
    let expected = try Self.snapshot(shared)
    #expect(expected[0].hasSuffix("name: one\n"))
    let results = await withTaskGroup(of: [String]?.self) { group in
      for task in 0..<64 {
        group.addTask {
          // Half the tasks share one tree; the others resolve and open their own.
          if task.isMultiple(of: 2) { return try? Self.snapshot(shared) }
          guard let commit = try? repository.resolve("HEAD~1"),
            let source = try? repository.tree(at: commit)
          else { return nil }
          return try? Self.snapshot(source)
        }
      }
      var collected: [[String]?] = []
      for await result in group { collected.append(result) }
      return collected
    }
    #expect(results.count == 64)
    #expect(results.allSatisfy { $0 == expected })
  }

  @Test("many tasks reading a shared tree and the working tree get identical results")
  func sharedSource() async throws {
    let fixture = try GitFixture.history()
    let repository = try GitRepository.open(at: fixture.root)
    let source = try repository.tree(at: repository.resolve("v2"))
    let working = WorkingTreeSource(root: fixture.root)
    let expected = try Self.snapshot(source)
    let expectedWorking = try Self.snapshot(working)
    let mismatches = await withTaskGroup(of: Int.self) { group in
      for task in 0..<128 {
        group.addTask {
          let tree: any SourceTree = task.isMultiple(of: 4) ? working : source
          let wanted = task.isMultiple(of: 4) ? expectedWorking : expected
          return (try? Self.snapshot(tree)) == wanted ? 0 : 1
        }
      }
      return await group.reduce(0, +)
    }
    #expect(mismatches == 0)
  }
}
