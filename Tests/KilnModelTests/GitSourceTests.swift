import Foundation
import Jinja
import KilnGit
import KilnModel
import KilnTestSupport
import Testing

/// The fixture committed to a real git repository loads the same from the commit (read from
/// the object database) as from the working tree, and a later edit leaves the commit unchanged.
@Suite struct GitSourceTests {
  static func write(_ files: [String: String], to directory: URL) throws {
    for (path, text) in files {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
  }

  /// Every host's layered `level` with the location that set it.
  static func summary(_ source: any SourceTree) throws -> [String] {
    let environment = try KilnRepository.load(from: source).resolve(engine: Fixture.engine)
    return try environment.hosts.map { host in
      let explanation = try environment.explain(variable: "level", host: host)
      let origin = explanation.contributions.last.map { "\($0.location)" } ?? "-"
      return "\(host) \(describe(explanation.effectiveValue)) \(origin)"
    }
  }

  @Test func commitAndWorkingTreeAgree() throws {
    let directory = try TemporaryDirectory.make("model-git")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.write(Fixture.files, to: directory)
    try FixtureGit.run(["init", "-q"], in: directory.path)
    try FixtureGit.run(["add", "-A"], in: directory.path)
    try FixtureGit.run(["commit", "-qm", "fixture"], in: directory.path)
    let expected = try Self.summary(MemorySource(Fixture.files))
    let committed = try GitRepository.sourceTree(at: directory.path, revision: "HEAD")
    #expect(try Self.summary(committed) == expected)
    let working = try GitRepository.sourceTree(at: directory.path, revision: nil)
    #expect(try Self.summary(working) == expected)

    try Self.write(["environments/prod/host_vars/mon01.yaml": "level: edited\n"], to: directory)
    #expect(try Self.summary(committed) == expected)
    #expect(try Self.summary(working).contains { $0.hasPrefix("mon01 'edited'") })
  }
}
