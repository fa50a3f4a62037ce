import Foundation
import KilnTestSupport
import Testing

/// The example's prod render, compared byte for byte with the reviewed golden copy in
/// `Tests/KilnCLITests/Golden/prod`. `KILN_UPDATE_GOLDEN=1` rewrites the golden copy; review
/// the diff before committing it.
@Test func exampleProdRenderMatchesGolden() throws {
  let output = try TemporaryDirectory.make("golden")
  defer { try? FileManager.default.removeItem(at: output) }
  let result = try KilnProcess.run(
    ["render", "--env", "prod", "-C", packageRoot.path, "--out", output.path], in: output)
  #expect(result.exitCode == 0, "\(result.stderr)")
  let golden = packageRoot.appendingPathComponent("Tests/KilnCLITests/Golden/prod")
  let rendered = files(under: output)
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
  let expected = files(under: golden)
  #expect(!expected.isEmpty, "no golden files: run with KILN_UPDATE_GOLDEN=1")
  #expect(rendered.keys.sorted() == expected.keys.sorted())
  for (path, data) in expected {
    #expect(rendered[path] == data, "\(path) differs from its golden copy")
  }
}
