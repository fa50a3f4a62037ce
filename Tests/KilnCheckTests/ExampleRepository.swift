import Foundation
import KilnCheck
import KilnCompiler
import KilnDiagnostics
import KilnGit
import KilnTestSupport

/// The example repository at the project's top level, in memory, optionally with a fixture
/// case's files laid over it.
enum ExampleRepository {
  static let root = packageRoot

  static let entries = ["kiln.yaml", "schema.yaml", "environments", "templates", "overlays"]

  /// The example's files, then those of `Tests/Fixtures/check/<fixture>` over them.
  static func files(fixture: String? = nil) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for entry in entries { read(root.appendingPathComponent(entry), as: entry, into: &files) }
    if let fixture {
      let directory = root.appendingPathComponent("Tests/Fixtures/check/\(fixture)")
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
        read(directory.appendingPathComponent(entry), as: entry, into: &files)
      }
    }
    return files
  }

  private static func read(_ url: URL, as path: String, into files: inout [String: [UInt8]]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return
    }
    if isDirectory.boolValue {
      for entry in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
        read(url.appendingPathComponent(entry), as: "\(path)/\(entry)", into: &files)
      }
    } else if let data = FileManager.default.contents(atPath: url.path) {
      files[path] = Array(data)
    }
  }

  /// Checks `environment` of the example, with `fixture` and then `extra` laid over it.
  static func check(
    _ environment: String, fixture: String? = nil, files extra: [String: String] = [:]
  ) async throws -> CheckReport {
    var files = files(fixture: fixture)
    for (path, text) in extra { files[path] = Array(text.utf8) }
    let compiler = try EnvironmentCompiler(
      source: InMemorySourceTree(files: files), environment: environment, assignments: [])
    return try await Checker.check(compiler: compiler)
  }
}
