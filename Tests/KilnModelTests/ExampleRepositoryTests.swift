import Foundation
import Jinja
import KilnDiagnostics
import KilnGit
import KilnModel
import KilnTestSupport
import Testing

/// The project's own example repository (the package root) loads, and every value of every
/// host of every environment evaluates.
@Suite struct ExampleRepositoryTests {
  static let root = packageRoot.path

  static func load() throws -> KilnRepository {
    try KilnRepository.load(from: WorkingTreeSource(root: root))
  }

  @Test func exampleLoadsWithoutErrors() throws {
    let repository = try Self.load()
    #expect(repository.defaultEnvironmentName == "prod")
    #expect(repository.environments.map(\.name) == ["base", "prod", "staging"])
    #expect(repository.chain(of: "prod") == ["base", "prod"])
    #expect(repository.services.count >= 5)
  }

  @Test(arguments: ["prod", "staging"])
  func everyValueOfEveryHostEvaluates(environment name: String) throws {
    let environment = try Self.load().resolve(environment: name, engine: Fixture.engine)
    #expect(!environment.hosts.isEmpty)
    for host in environment.hosts {
      let variables = try environment.variables(forHost: host)
      for variable in variables.names {
        let value = try environment.explain(variable: variable, host: host).effectiveValue
        #expect(value.map { !$0.isUndefined } == true, "\(host): \(variable)")
      }
    }
  }

  @Test func prodControllersGetTheGaleraOverlay() throws {
    let prod = try Self.load().resolve(environment: "prod", engine: Fixture.engine)
    let explanation = try prod.explain(variable: "mariadb_max_connections", host: "ctl01")
    #expect(describe(explanation.effectiveValue) == "8192")
    #expect(explanation.contributions.last?.layer == "overlay galera-tuning values")
    #expect(prod.overlays(forHost: "cmp01").map(\.name) == ["compute-sriov"])
    #expect(prod.hosts(inGroup: "control") == ["ctl01", "ctl02", "ctl03"])
  }

  /// Every file of the example, as bytes keyed by path.
  static func exampleFiles() throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let source = WorkingTreeSource(root: root)
    func walk(_ directory: String) throws {
      for entry in try source.listDirectory(directory) ?? [] {
        let path = directory.isEmpty ? entry.name : "\(directory)/\(entry.name)"
        if entry.kind == .directory {
          try walk(path)
        } else if let bytes = try source.readFile(path) {
          files[path] = bytes
        }
      }
    }
    for top in ["kiln.yaml", "environments", "templates", "overlays"] {
      if let bytes = try source.readFile(top) { files[top] = bytes } else { try walk(top) }
    }
    return files
  }

  @Test func mutatedExampleFilesNeverTrap() throws {
    let files = try Self.exampleFiles()
    let yamlPaths = files.keys.filter { $0.hasSuffix(".yaml") }.sorted()
    #expect(yamlPaths.count > 10)
    var failures = 0
    for (number, path) in yamlPaths.enumerated() {
      guard let original = files[path] else { continue }
      for variant in FuzzTests.variants(of: original, seed: UInt64(number + 1)).prefix(8) {
        var mutated = files
        mutated[path] = variant
        do {
          let repository = try KilnRepository.load(from: MemorySource(bytes: mutated))
          let environment = try repository.resolve(engine: Fixture.engine)
          for host in environment.hosts {
            _ = try environment.variables(forHost: host).layered
          }
        } catch {
          failures += 1
          #expect(error.diagnostics.contains { $0.severity == .error })
        }
      }
    }
    #expect(failures > 0)
  }
}
