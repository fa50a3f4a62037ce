import Foundation
import Testing

/// The example's prod render, compared byte for byte with the reviewed golden copy in
/// `Tests/KilnCLITests/Golden/prod`. `KILN_UPDATE_GOLDEN=1` rewrites the golden copy; review
/// the diff before committing it.
@Test func exampleProdRenderMatchesGolden() throws {
  let output = try temporaryDirectory("golden")
  defer { try? FileManager.default.removeItem(at: output) }
  let result = try KilnProcess.run(
    ["render", "--env", "prod", "-C", packageRoot.path, "--out", output.path], in: output)
  #expect(result.exitCode == 0, "\(result.stderr)")
  let golden = packageRoot.appendingPathComponent("Tests/KilnCLITests/Golden/prod")
  let rendered = try files(under: output)
  if ProcessInfo.processInfo.environment["KILN_UPDATE_GOLDEN"] == "1" {
    try? FileManager.default.removeItem(at: golden)
    for (path, data) in rendered {
      let url = golden.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    return
  }
  let expected = try files(under: golden)
  #expect(!expected.isEmpty, "no golden files: run with KILN_UPDATE_GOLDEN=1")
  #expect(rendered.keys.sorted() == expected.keys.sorted())
  for (path, data) in expected {
    #expect(rendered[path] == data, "\(path) differs from its golden copy")
  }
}

private func files(under root: URL) throws -> [String: Data] {
  var result: [String: Data] = [:]
  guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
  for case let path as String in enumerator {
    var isDirectory: ObjCBool = false
    let full = root.appendingPathComponent(path).path
    if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
      !isDirectory.boolValue
    {
      result[path] = FileManager.default.contents(atPath: full)
    }
  }
  return result
}
