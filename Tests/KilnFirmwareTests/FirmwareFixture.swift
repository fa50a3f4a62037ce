import Foundation
import Jinja
import KilnDiagnostics
import KilnGit
import KilnModel
import KilnTestSupport

@testable import KilnFirmware

/// The repositories of `Tests/Fixtures/firmware`: `base/` (two nodes on one profile with a
/// small registry) and `cases/<name>/`, whose files replace or add to the base's and whose
/// `expected.txt` lists the findings the case must produce (`KLN5xx file:line`, sorted).
enum FirmwareFixture {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/firmware")
  /// The project's top level: the example repository.
  static let packageRoot = KilnTestSupport.packageRoot

  /// Every case directory's name, sorted.
  static var caseNames: [String] {
    let cases = folder.appendingPathComponent("cases").path
    return ((try? FileManager.default.contentsOfDirectory(atPath: cases)) ?? []).sorted()
  }

  /// Every file under `directory`, by relative path.
  static func files(under directory: URL) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    let base = directory.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return result }
    for case let relative as String in walker {
      let path = base + "/" + relative
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path)
      {
        result[relative] = Array(data)
      }
    }
    return result
  }

  /// The base repository with the files of `name` (nil: none) and `extra` on top.
  static func source(case name: String? = nil, extra: [String: String] = [:])
    -> InMemorySourceTree
  {
    var tree = files(under: folder.appendingPathComponent("base"))
    if let name {
      for (path, bytes) in files(under: folder.appendingPathComponent("cases/\(name)"))
      where path != "expected.txt" {
        tree[path] = bytes
      }
    }
    for (path, text) in extra { tree[path] = Array(text.utf8) }
    return InMemorySourceTree(files: tree)
  }

  /// `source`'s environment `prod`, resolved.
  static func environment(_ source: any SourceTree, name: String = "prod") throws
    -> ResolvedEnvironment
  {
    try KilnRepository.load(from: source).resolve(environment: name, engine: Jinja.Environment())
  }

  /// The findings `case` must produce.
  static func expected(case name: String) throws -> [String] {
    let url = folder.appendingPathComponent("cases/\(name)/expected.txt")
    return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  /// `KLN5xx file:line` of each diagnostic, sorted.
  static func summary(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { diagnostic in
      let location = diagnostic.location.map { "\($0.file):\($0.line)" } ?? "-"
      return "\(diagnostic.id) \(location)"
    }.sorted()
  }
}
