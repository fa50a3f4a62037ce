import Foundation
import Jinja
import Testing

/// Truncated and mutated copies of every corpus template never trap or hang the engine: each
/// compiles and renders to text, or fails with a `JinjaError` that carries a source span.
@Suite("Engine robustness on broken templates")
struct FuzzTests {
  /// Mutated copies made per template.
  static let mutationsPerTemplate = 12
  /// A render slower than this counts as a hang (the engine bounds depth and loops).
  static let slowRenderLimit: Duration = .seconds(2)

  @Test(
    "truncated and mutated templates yield output or a located error", arguments: CorpusFile.all)
  func brokenTemplatesFailCleanly(_ file: CorpusFile) throws {
    var problems: [String] = []
    var attempts = 0
    for corpusCase in try file.cases() {
      for (label, variant) in Self.variants(of: corpusCase) {
        attempts += 1
        if let problem = Self.check(corpusCase, variant: variant) {
          problems.append(
            "\(corpusCase.name) [\(label)] \(variant.template.debugDescription): \(problem)")
        }
      }
    }
    print("fuzz \(file.fileName): \(attempts) variants, \(problems.count) misbehaved")
    for problem in problems.prefix(50) {
      Issue.record(Comment(rawValue: problem))
    }
    #expect(problems.count == 0, "\(problems.count) of \(attempts) variants in \(file) misbehaved")
    #expect(attempts > 0)
  }

  @Test("the mutator is deterministic")
  func mutatorIsDeterministic() {
    let text = "{% for i in items %}{{ i | upper }}{% endfor %}\n"
    let first = FuzzMutator.mutations(of: text, count: 5, seed: "seed")
    let second = FuzzMutator.mutations(of: text, count: 5, seed: "seed")
    #expect(first == second)
    #expect(first.contains { $0 != text })
  }

  /// Truncations and mutations of the main template and of each extra template.
  static func variants(of corpusCase: CorpusCase) -> [(String, CorpusCase)] {
    var result: [(String, CorpusCase)] = []
    func add(_ label: String, _ texts: [String], apply: (inout CorpusCase, String) -> Void) {
      for (index, text) in texts.enumerated() {
        var variant = corpusCase
        apply(&variant, text)
        result.append(("\(label)#\(index)", variant))
      }
    }
    add("cut", FuzzMutator.truncations(of: corpusCase.template)) { $0.template = $1 }
    add(
      "mutate",
      FuzzMutator.mutations(
        of: corpusCase.template, count: mutationsPerTemplate, seed: corpusCase.name)
    ) { $0.template = $1 }
    for name in corpusCase.templates.keys.sorted() {
      let text = corpusCase.templates[name] ?? ""
      add("\(name)-mutate", FuzzMutator.mutations(of: text, count: 4, seed: corpusCase.name + name))
      { $0.templates[name] = $1 }
    }
    return result
  }

  /// Nil when the variant rendered or failed with a located `JinjaError`; otherwise the problem.
  static func check(_ original: CorpusCase, variant: CorpusCase) -> String? {
    let clock = ContinuousClock()
    var result: KilnResult = .foreign("not run")
    let elapsed = clock.measure { result = KilnCaseRenderer.render(variant) }
    if elapsed > slowRenderLimit { return "took \(elapsed)" }
    switch result {
    case .output: return nil
    case .error(let error): return error.span == nil ? "JinjaError without a span: \(error)" : nil
    case .foreign(let text): return "threw a non-Jinja error: \(text)"
    }
  }
}
