import Foundation
import Jinja
import KilnDiagnostics

/// Writes the fixture (template, shared and per-set variables) for the Python side of the run.
enum BenchmarkExport {
  /// Writes `template.j2`, `base.json`, `sets.json` and Kiln's first output `kiln-first.txt`.
  static func write(to directory: String, renders: Int, firstOutput: String) throws {
    let url = URL(fileURLWithPath: directory)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try BenchmarkFixture.template.write(
      to: url.appendingPathComponent("template.j2"), atomically: true, encoding: .utf8)
    let base = BenchmarkFixture.baseVariables()
    try json(.map(sortedMap(base))).write(
      to: url.appendingPathComponent("base.json"), atomically: true, encoding: .utf8)
    let sets = (0..<renders).map { Value.map(sortedMap(BenchmarkFixture.overrides($0))) }
    try json(.list(sets)).write(
      to: url.appendingPathComponent("sets.json"), atomically: true, encoding: .utf8)
    try firstOutput.write(
      to: url.appendingPathComponent("kiln-first.txt"), atomically: true, encoding: .utf8)
  }

  private static func sortedMap(_ dictionary: [String: Value]) -> ValueMap {
    ValueMap(dictionary.keys.sorted().map { (Value.string($0), dictionary[$0] ?? .none) })
  }

  /// The value as JSON (maps keep their order).
  static func json(_ value: Value) -> String {
    switch value {
    case .none, .undefined, .callable, .object: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .float(let number): return String(number)
    case .string(let text): return quoted(text)
    case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
    case .map(let map):
      let members = map.map { key, value in
        quoted(key.pythonString()) + ":" + json(value)
      }
      return "{" + members.joined(separator: ",") + "}"
    }
  }

  private static func quoted(_ text: String) -> String { JSONStringLiteral.quoted(text) }
}
