import Foundation
import Jinja

/// One differential case: a template, its variables and the extra named templates it includes.
struct CorpusCase: Sendable {
  /// `file/case`, unique across the corpus.
  var name: String
  /// The template text.
  var template: String
  /// The top-level variables, in document order.
  var variables: [(String, OrderedJSON)]
  /// Extra templates for include, import and `lookup('template')`, by name.
  var templates: [String: String]
  /// Whether the case is meant to fail (checked against the reference).
  var expectsError: Bool

  /// The variables as engine values.
  var values: [String: Value] {
    var result: [String: Value] = [:]
    for (key, json) in variables { result[key] = json.engineValue }
    return result
  }
}

/// A corpus file: one JSON list of cases for one area of the language.
struct CorpusFile: Sendable, CustomStringConvertible {
  /// The file name, e.g. `loops.json`.
  var fileName: String
  /// The absolute path of the file.
  var path: String

  var description: String { fileName }

  /// The cases in the file, in order.
  func cases() throws -> [CorpusCase] {
    let json = try OrderedJSON.parse(try Data(contentsOf: URL(fileURLWithPath: path)))
    guard let items = json.array else {
      throw OrderedJSONError(offset: 0, message: "\(fileName): expected a list of cases")
    }
    return try items.map { try CorpusFile.decodeCase($0, in: fileName) }
  }

  private static func decodeCase(_ json: OrderedJSON, in fileName: String) throws -> CorpusCase {
    guard let name = json["name"]?.string, let template = json["template"]?.string else {
      throw OrderedJSONError(offset: 0, message: "\(fileName): a case lacks name or template")
    }
    var variables: [(String, OrderedJSON)] = []
    if case .object(let members)? = json["vars"] { variables = members }
    var templates: [String: String] = [:]
    if case .object(let members)? = json["templates"] {
      for (key, value) in members { templates[key] = value.string ?? "" }
    }
    return CorpusCase(
      name: name, template: template, variables: variables, templates: templates,
      expectsError: json["expect_error"] == .bool(true))
  }

  /// Every `*.json` file of the corpus directory, sorted by name.
  static var all: [CorpusFile] {
    let directory = corpusDirectory
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map {
      CorpusFile(fileName: $0, path: directory + "/" + $0)
    }
  }

  /// The corpus directory: the copied test resource, else the source tree beside this file.
  static var corpusDirectory: String {
    if let url = Bundle.module.url(forResource: "Corpus", withExtension: nil) {
      return url.path
    }
    return sourceDirectory + "/Corpus"
  }

  /// `Tests/JinjaTests` in the source tree.
  static var sourceDirectory: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
  }
}

extension OrderedJSON {
  /// The value as the engine sees a variable loaded from YAML/JSON.
  var engineValue: Value {
    switch self {
    case .null: return .none
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .int(number)
    case .double(let number): return .float(number)
    case .string(let text): return .string(text)
    case .array(let items): return .list(items.map(\.engineValue))
    case .object(let members):
      return .map(ValueMap(members.map { (Value.string($0.0), $0.1.engineValue) }))
    }
  }
}
