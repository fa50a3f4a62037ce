import Foundation
import Jinja
import Testing

/// A corpus case where Kiln deliberately renders differently from Ansible (see COMPATIBILITY.md).
struct DeliberateDifference: Sendable, CustomStringConvertible {
  /// What Kiln does instead.
  enum Behaviour: Sendable {
    /// Kiln renders exactly this text.
    case output(String)
    /// Kiln fails with a located error of this kind.
    case error(JinjaError.Kind)
  }

  /// The corpus case name.
  var name: String
  /// Kiln's behaviour for it.
  var kiln: Behaviour
  /// Why Kiln differs (the same reason COMPATIBILITY.md gives).
  var reason: String

  var description: String { name }
}

/// The cases excluded from the byte comparison; each is documented in COMPATIBILITY.md.
enum DeliberateDifferences {
  /// Every deliberate difference.
  static let all: [DeliberateDifference] =
    integerOverflow + [
      DeliberateDifference(
        name: "methods/list_count", kiln: .output("[1]\n"),
        reason: "Ansible 2.19's lazy list returns 0 from count(); Kiln counts as Python does"),
      DeliberateDifference(
        name: "macros/macro_name_attr", kiln: .error(.undefined),
        reason: "macros expose `.name` but not Jinja2's introspection attributes (`.arguments`)"),
      DeliberateDifference(
        name: "extras/filters_json_yaml-from_yaml", kiln: .error(.filter),
        reason: "the standalone engine has no YAML parser; Kiln's compiler adds from_yaml"),
    ]

  /// Integer results beyond 64 bits are located errors in Kiln; Python has unbounded integers.
  static let integerOverflow: [DeliberateDifference] = (0...4).map {
    DeliberateDifference(
      name: "printing/bigint0\($0)", kiln: .error(.runtime),
      reason: "integers are 64-bit; an overflow is a located error instead of a big integer")
  }

  /// The differences by case name.
  static let byName: [String: DeliberateDifference] = Dictionary(
    all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}

@Suite("Deliberate differences from Ansible")
struct DifferentialDeliberateTests {
  @Test("Kiln behaves as COMPATIBILITY.md says", arguments: DeliberateDifferences.all)
  func kilnBehaviour(_ difference: DeliberateDifference) throws {
    let found = try Self.corpusCase(named: difference.name)
    let corpusCase = try #require(found, "no corpus case named \(difference.name)")
    let result = KilnCaseRenderer.render(corpusCase)
    switch (difference.kiln, result) {
    case (.output(let want), .output(let got)):
      #expect(Array(got.utf8) == Array(want.utf8), "\(difference.name): \(got.debugDescription)")
    case (.error(let kind), .error(let error)):
      #expect(error.kind == kind, "\(difference.name): \(error)")
      #expect(error.span != nil, "\(difference.name): the error must be located")
    default:
      Issue.record("\(difference.name): Kiln gave \(result.summary)")
    }
  }

  @Test(
    "each deliberate difference is documented in COMPATIBILITY.md",
    arguments: DeliberateDifferences.all)
  func documented(_ difference: DeliberateDifference) throws {
    let path = URL(fileURLWithPath: CorpusFile.sourceDirectory)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("COMPATIBILITY.md")
    let text = try String(contentsOf: path, encoding: .utf8)
    let documented = text.contains("`\(difference.name)`")
    #expect(documented, "COMPATIBILITY.md must name \(difference.name)")
  }

  static func corpusCase(named name: String) throws -> CorpusCase? {
    let fileName = (name.split(separator: "/").first.map(String.init) ?? name) + ".json"
    let file = CorpusFile(fileName: fileName, path: CorpusFile.corpusDirectory + "/" + fileName)
    return try file.cases().first { $0.name == name }
  }
}
