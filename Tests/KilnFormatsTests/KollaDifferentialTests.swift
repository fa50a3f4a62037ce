import Foundation
import KilnDiagnostics
import KilnFormats
import Testing

/// Kiln's INI merge against kolla-ansible's own `OverrideConfigParser`, byte for byte.
@Suite struct KollaDifferentialTests {
  @Test func corpusHasAtLeastAHundredCases() {
    #expect(KollaMergeCorpus.all.count >= 100)
  }

  @Test func kilnMatchesKollaByteForByte() throws {
    let cases = KollaMergeCorpus.all
    let results = try KollaReference.run(
      cases.map { item in
        [
          "sources": item.sources.map { Data($0).base64EncodedString() },
          "whitespace": item.whitespace,
        ]
      })
    try #require(results.count == cases.count)
    var matched = 0
    for (item, kolla) in zip(cases, results) {
      let sources = item.sources.enumerated().map {
        (file: "source\($0.offset)", bytes: $0.element)
      }
      let kiln: String?
      do {
        kiln = String(
          decoding: try IniMerge.merge(sources, whitespace: item.whitespace), as: UTF8.self)
      } catch {
        kiln = nil
      }
      #expect(kiln == kolla, "case '\(item.name)'")
      if kiln == kolla { matched += 1 }
    }
    let failing = results.filter { $0 == nil }.count
    print("kolla differential: \(matched)/\(cases.count) identical, \(failing) rejected by both")
    #expect(failing >= KollaMergeCorpus.malformed.count)
    #expect(failing < cases.count / 4)
    #expect(matched == cases.count)
  }
}
