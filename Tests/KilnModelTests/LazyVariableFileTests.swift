import Jinja
import KilnDiagnostics
import KilnGit
import KilnModel
import Synchronization
import Testing

/// A fixture source that counts how often each file is read.
final class CountingSource: SourceTree {
  let inner: InMemorySourceTree
  private let counts = Mutex<[String: Int]>([:])

  init(_ files: [String: String]) { inner = InMemorySourceTree(files) }

  var displayName: String { inner.displayName }

  func readFile(_ path: String) throws(GitError) -> [UInt8]? {
    counts.withLock { $0[path, default: 0] += 1 }
    return try inner.readFile(path)
  }

  func listDirectory(_ path: String) throws(GitError) -> [TreeEntry]? {
    try inner.listDirectory(path)
  }

  func contentID(_ path: String) throws(GitError) -> String? { try inner.contentID(path) }

  /// How often `path` was read.
  func reads(_ path: String) -> Int { counts.withLock { $0[path] ?? 0 } }
}

@Suite struct LazyVariableFileTests {
  static let cmp02 = "environments/prod/host_vars/cmp02.yaml"
  static let mon01 = "environments/prod/host_vars/mon01.yaml"

  /// The prod fixture loaded with vars files parsed on first use.
  private func resolve(_ changes: [String: String?], source: CountingSource? = nil) throws
    -> ResolvedEnvironment
  {
    let tree = source ?? CountingSource(Fixture.files(changes))
    return try KilnRepository.load(from: tree, variableFiles: .onFirstUse)
      .resolve(environment: "prod", engine: Fixture.engine)
  }

  private func errors(_ body: () throws -> Void) -> [Diagnostic] {
    do {
      try body()
      return []
    } catch let error as DiagnosticsError {
      return error.diagnostics
    } catch let diagnostic as Diagnostic {
      return [diagnostic]
    } catch {
      return [Diagnostic(id: "unexpected", message: String(describing: error))]
    }
  }

  @Test(arguments: [
    ("a: [1, 2\n", DiagnosticID("KLN101"), 2),
    ("- a\n- b\n", ModelDiagnostics.wrongType, 1),
    ("x: 1\nm: !unset 3\n", ModelDiagnostics.invalidTag, 2),
  ])
  func anotherHostsBrokenFileDoesNotStopAHost(text: String, id: DiagnosticID, line: Int)
    throws
  {
    let environment = try resolve([
      Self.cmp02: text, Self.mon01: "mine: from-mon01\n",
    ])
    let mon01 = try environment.variables(forHost: "mon01")
    #expect(try describe(mon01.resolve("mine")) == "'from-mon01'")
    try environment.prepareVariables(forHosts: ["mon01", "ctl02"])
    let found = errors { _ = try environment.variables(forHost: "cmp02") }
    #expect(found.map(\.id) == [id])
    #expect(found.first?.location?.file == Self.cmp02)
    #expect(found.first?.location?.line == line)
    let prepared = errors { try environment.prepareVariables(forHosts: ["mon01", "cmp02"]) }
    #expect(prepared.filter { $0.severity == .error }.map(\.location) == found.map(\.location))
  }

  @Test func brokenFileReadThroughHostvarsThrowsItsLocatedDiagnostic() throws {
    let environment = try resolve([
      Self.cmp02: "a: [1, 2\n",
      Self.mon01: "peer: \"{{ hostvars['cmp02'].first }}\"\nmine: 1\n",
    ])
    try environment.prepareVariables(forHosts: ["mon01"])
    let mon01 = try environment.variables(forHost: "mon01")
    #expect(try describe(mon01.resolve("mine")) == "1")
    let found = errors { _ = try mon01.resolve("peer") }
    #expect(found.count == 1)
    #expect(found.first?.id == "KLN101")
    #expect(found.first?.location?.file == Self.cmp02)
    #expect(found.first?.location?.line == 2)
  }

  @Test func eachFileIsReadOnceAndOnlyWhenNeeded() async throws {
    let source = CountingSource(
      Fixture.files([
        Self.cmp02: "own: cmp02\n",
        Self.mon01: "peer: \"{{ hostvars['cmp02'].own }}\"\n",
      ]))
    let environment = try resolve([:], source: source)
    #expect(source.reads(Self.mon01) == 0)
    #expect(source.reads(Self.cmp02) == 0)
    #expect(source.reads("environments/prod/group_vars/control.yaml") == 1)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          _ = try? environment.variables(forHost: "mon01").resolve("peer")
          try? environment.prepareVariables(forHosts: environment.hosts)
        }
      }
    }
    let mon01 = try environment.variables(forHost: "mon01")
    #expect(try describe(mon01.resolve("peer")) == "'cmp02'")
    #expect(source.reads(Self.mon01) == 1)
    #expect(source.reads(Self.cmp02) == 1)
    #expect(source.reads("environments/base/host_vars/ctl01.yaml") == 1)
  }

  @Test func otherEnvironmentsFilesAreNotParsed() throws {
    let staging = "environments/staging/host_vars/stg01.yaml"
    let source = CountingSource(
      Fixture.files([
        "environments/staging/env.yaml": "inherits: [base]\n",
        "environments/staging/inventory.yaml": "all:\n  hosts:\n    stg01:\n",
        "environments/staging/group_vars/all.yaml": "broken: [\n",
        staging: "broken: [\n",
      ]))
    let environment = try resolve([:], source: source)
    try environment.prepareVariables(forHosts: environment.hosts)
    #expect(source.reads(staging) == 0)
    #expect(source.reads("environments/staging/group_vars/all.yaml") == 0)
    #expect(throws: DiagnosticsError.self) {
      try KilnRepository.load(from: source, variableFiles: .onFirstUse)
        .resolve(environment: "staging", engine: Fixture.engine)
        .prepareVariables(forHosts: ["stg01"])
    }
  }

  @Test func preparingEveryHostReportsWhatALoadUpFrontReports() throws {
    let changes: [String: String?] = [
      Self.cmp02: "a: [1, 2\n",
      Self.mon01: "m: !append {a: 1}\n",
      "environments/prod/group_vars/monitoring.yaml": "- listed\n",
      "environments/prod/host_vars/ctl02.yaml": "flag: yes\n",
    ]
    let upFront = Fixture.diagnostics(changes)
    let environment = try resolve(changes)
    let prepared = errors { try environment.prepareVariables(forHosts: environment.hosts) }
    #expect(upFront.count == 4)
    #expect(Set(prepared) == Set(upFront))
  }

  @Test func warningsOfParsedFilesAreKept() throws {
    let environment = try resolve(["environments/prod/host_vars/ctl02.yaml": "flag: yes\n"])
    #expect(environment.variableFileWarnings.isEmpty)
    try environment.prepareVariables(forHosts: ["ctl02"])
    let warnings = environment.variableFileWarnings
    #expect(warnings.count == 1)
    #expect(warnings.first?.location?.file == "environments/prod/host_vars/ctl02.yaml")
  }
}
