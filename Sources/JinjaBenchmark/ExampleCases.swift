import Foundation
import Jinja

/// Variable sets of one example template taken from the differential corpus
/// (`Tests/JinjaTests/Corpus/example.json`: real example templates with layered variables).
struct ExampleCases {
  /// The template text.
  var template: String
  /// The other templates of its service, by name (for include).
  var templates: [String: String]
  /// One variable set per host the corpus renders it for.
  var variableSets: [[String: Value]]

  /// Loads the cases whose name contains `/<templateName>@` from the corpus file at `path`.
  init(corpusFile path: String, templateName: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let cases = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
      throw BenchmarkError(description: "\(path) is not a list of cases")
    }
    let chosen = cases.filter { ($0["name"] as? String)?.contains("/\(templateName)@") == true }
    guard let first = chosen.first, let text = first["template"] as? String else {
      throw BenchmarkError(description: "no case for \(templateName) in \(path)")
    }
    template = text
    templates = first["templates"] as? [String: String] ?? [:]
    variableSets = chosen.map { corpusCase in
      let variables = corpusCase["vars"] as? [String: Any] ?? [:]
      return variables.mapValues(ExampleCases.value)
    }
  }

  /// A JSON value as an engine value (map keys sorted: JSONSerialization keeps no order).
  static func value(_ json: Any) -> Value {
    switch json {
    case let text as String: return .string(text)
    case let number as NSNumber:
      switch String(cString: number.objCType) {
      case "c", "B": return .bool(number.boolValue)
      case "d", "f": return .float(number.doubleValue)
      default: return .int(number.intValue)
      }
    case let items as [Any]: return .list(items.map(value))
    case let members as [String: Any]:
      return .map(ValueMap(members.keys.sorted().map { (.string($0), value(members[$0] as Any)) }))
    default: return .none
    }
  }
}

/// A benchmark set-up failure with its explanation.
struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
}
