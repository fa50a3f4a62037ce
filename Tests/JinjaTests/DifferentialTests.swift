import Foundation
import Jinja
import Testing

/// Kiln's engine against Ansible's own templating (ansible-core 2.19, Jinja2 3.1.6), byte for byte.
///
/// The reference runs `reference/render_reference.py` once per corpus file with
/// `KILN_REFERENCE_PYTHON` (default `python3`); when Ansible is not importable the test fails
/// with the install command, it never skips. Cases listed in `DeliberateDifferences` are left
/// out of the comparison and checked against Kiln's own documented behaviour instead.
@Suite("Differential corpus against Ansible")
struct DifferentialTests {
  @Test("every corpus case renders exactly as Ansible renders it", arguments: CorpusFile.all)
  func corpusFileMatchesAnsible(_ file: CorpusFile) throws {
    let cases = try file.cases()
    let reference: [String: ReferenceResult]
    do {
      reference = try ReferenceRenderer().render(file)
    } catch {
      Issue.record("\(error)")
      return
    }
    var mismatches: [String] = []
    var compared = 0
    for corpusCase in cases where DeliberateDifferences.byName[corpusCase.name] == nil {
      guard let expected = reference[corpusCase.name] else {
        mismatches.append("\(corpusCase.name): the reference returned no result")
        continue
      }
      if corpusCase.expectsError, case .output(let text) = expected {
        mismatches.append(
          "\(corpusCase.name): marked expect_error but Ansible rendered \(text.debugDescription)")
      }
      compared += 1
      if let difference = Self.difference(expected, KilnCaseRenderer.render(corpusCase)) {
        mismatches.append("\(corpusCase.name):\n\(difference)")
      }
    }
    print("differential \(file.fileName): \(compared - mismatches.count)/\(compared) identical")
    for mismatch in mismatches {
      Issue.record(Comment(rawValue: mismatch))
    }
    #expect(mismatches.count == 0, "\(mismatches.count) of \(compared) cases differ in \(file)")
  }

  @Test("the corpus holds at least 400 uniquely named cases")
  func corpusSize() throws {
    let names = try CorpusFile.all.flatMap { try $0.cases() }.map(\.name)
    #expect(names.count >= 400)
    #expect(Set(names).count == names.count, "case names must be unique")
  }

  /// Nil when Kiln's result is what Ansible produced; otherwise both sides, readable.
  static func difference(_ expected: ReferenceResult, _ actual: KilnResult) -> String? {
    switch (expected, actual) {
    case (.output(let want), .output(let got)):
      if Array(want.utf8) == Array(got.utf8) { return nil }
    case (.error, .error):
      return nil
    default:
      break
    }
    let ansible: String
    switch expected {
    case .output(let text): ansible = "output \(text.debugDescription)"
    case .error(let type, let message): ansible = "\(type) \(message.debugDescription)"
    }
    return "  ansible: \(ansible)\n  kiln:    \(actual.summary)"
  }
}
