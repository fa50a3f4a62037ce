import Foundation
import KilnDiagnostics
import KilnFormats
import Testing

/// Kiln's INI merge against kolla-ansible's own `OverrideConfigParser`, byte for byte.
@Suite struct KollaDifferentialTests {
  /// The helper script beside this file.
  static let helper = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("reference/kolla_merge.py")

  /// kolla's result for each case, from one run of the helper.
  static func kollaResults(_ cases: [KollaMergeCase]) throws -> [KollaResult] {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("kiln-kolla-diff-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("cases.json")
    let output = directory.appendingPathComponent("results.json")
    let payload: [[String: Any]] = cases.map { item in
      ["sources": item.sources.map { Data($0).base64EncodedString() }, "whitespace": item.whitespace]
    }
    try JSONSerialization.data(withJSONObject: payload).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", helper.path, input.path, output.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw KollaHelperFailure(status: process.terminationStatus, message: message)
    }
    let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: output))
    return (decoded as? [[String: Any]] ?? []).map { entry in
      KollaResult(output: (entry["ok"] as? Bool) == true ? entry["output"] as? String : nil)
    }
  }

  @Test func corpusHasAtLeastAHundredCases() {
    #expect(KollaMergeCorpus.all.count >= 100)
  }

  @Test func kilnMatchesKollaByteForByte() throws {
    let cases = KollaMergeCorpus.all
    let results = try Self.kollaResults(cases)
    try #require(results.count == cases.count)
    var matched = 0
    for (item, kolla) in zip(cases, results) {
      let sources = item.sources.enumerated().map { (file: "source\($0.offset)", bytes: $0.element) }
      let kiln: String?
      do {
        kiln = String(decoding: try IniMerge.merge(sources, whitespace: item.whitespace), as: UTF8.self)
      } catch {
        kiln = nil
      }
      #expect(kiln == kolla.output, "case '\(item.name)'")
      if kiln == kolla.output { matched += 1 }
    }
    let failing = results.filter { $0.output == nil }.count
    print("kolla differential: \(matched)/\(cases.count) identical, \(failing) rejected by both")
    #expect(failing >= KollaMergeCorpus.malformed.count)
    #expect(failing < cases.count / 4)
    #expect(matched == cases.count)
  }
}

/// One kolla result: the merged text, or `nil` when kolla failed.
struct KollaResult {
  var output: String?
}

/// The helper could not run; its message says which command installs what is missing.
struct KollaHelperFailure: Error, CustomStringConvertible {
  var status: Int32
  var message: String
  var description: String { "kolla_merge.py exited \(status): \(message)" }
}
