import Foundation
import Testing

@testable import KilnCompiler

private func file(_ host: String, _ path: String, _ text: String, mode: UInt16 = 0o644)
  -> RenderedFile
{
  RenderedFile(
    host: host, path: path, contents: Array(text.utf8), mode: mode, service: "svc",
    format: "text", isSecret: false)
}

private func scratch() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "kiln-writer-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

@Test func writesHostTreeManifestAndModes() throws {
  let root = try scratch()
  defer { try? FileManager.default.removeItem(at: root) }
  let out = root.appendingPathComponent("out/prod")
  let files = [file("ctl01", "mariadb/galera.cnf", "a\n", mode: 0o640), file("cmp01", "x", "b")]
  try OutputWriter(directory: out.path, layout: .hosts).write(
    files: files, manifest: Manifest.encode(environment: "prod", source: "t", files: files))
  let galera = out.appendingPathComponent("ctl01/mariadb/galera.cnf").path
  #expect(FileManager.default.contents(atPath: galera) == Data("a\n".utf8))
  let attributes = try FileManager.default.attributesOfItem(atPath: galera)
  #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
  let manifest = try String(
    contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
  #expect(
    manifest.range(of: "\"host\": \"cmp01\"")!.lowerBound
      < manifest.range(of: "\"host\": \"ctl01\"")!.lowerBound)
  #expect(manifest.contains("\"mode\": \"0640\""))
}

@Test func replacesPreviousOutputCompletely() throws {
  let root = try scratch()
  defer { try? FileManager.default.removeItem(at: root) }
  let out = root.appendingPathComponent("out")
  let writer = OutputWriter(directory: out.path, layout: .hosts)
  let first = [file("a", "old", "1")]
  try writer.write(
    files: first, manifest: Manifest.encode(environment: "e", source: "s", files: first))
  let second = [file("a", "new", "2")]
  try writer.write(
    files: second, manifest: Manifest.encode(environment: "e", source: "s", files: second))
  #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a/old").path))
  #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a/new").path))
  let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path)
  #expect(leftovers == ["out"])
}

@Test func refusesToReplaceADirectoryThatIsNotKilnOutput() throws {
  let root = try scratch()
  defer { try? FileManager.default.removeItem(at: root) }
  let precious = root.appendingPathComponent("precious.txt")
  try Data("keep".utf8).write(to: precious)
  let files = [file("a", "x", "1")]
  #expect(throws: (any Error).self) {
    try OutputWriter(directory: root.path, layout: .hosts).write(
      files: files, manifest: Manifest.encode(environment: "e", source: "s", files: files))
  }
  #expect(FileManager.default.contents(atPath: precious.path) == Data("keep".utf8))
}

@Test(arguments: ["/etc/passwd", "../escape", "a//b", "a/./b"])
func rejectsUnsafePathsBeforeWritingAnything(path: String) throws {
  let root = try scratch()
  defer { try? FileManager.default.removeItem(at: root) }
  let out = root.appendingPathComponent("out")
  let files = [file("h", "fine", "1"), file("h", path, "2")]
  #expect(throws: (any Error).self) {
    try OutputWriter(directory: out.path, layout: .kolla).write(
      files: files, manifest: Manifest.encode(environment: "e", source: "s", files: files))
  }
  #expect(!FileManager.default.fileExists(atPath: out.path))
}

@Test func kollaLayoutPutsServiceThenHost() {
  let rendered = file("ctl01", "mariadb/galera.cnf", "")
  #expect(OutputLayout.kolla.relativePath(of: rendered) == "mariadb/ctl01/galera.cnf")
  #expect(OutputLayout.hosts.relativePath(of: rendered) == "ctl01/mariadb/galera.cnf")
}

@Test(arguments: [OutputLayout.hosts, .kolla])
func manyHostsAreWrittenInParallelWithEveryFileAndMode(layout: OutputLayout) throws {
  let root = try scratch()
  defer { try? FileManager.default.removeItem(at: root) }
  let out = root.appendingPathComponent("out")
  let files = (0..<300).flatMap { index in
    [
      file("host\(index)", "svc/deep/a.conf", "a\(index)\n", mode: 0o600),
      file("host\(index)", "svc/b.conf", "b\(index)\n"),
    ]
  }
  try OutputWriter(directory: out.path, layout: layout).write(
    files: files, manifest: Manifest.encode(environment: "e", source: "s", files: files))
  for file in files {
    let path = out.appendingPathComponent(layout.relativePath(of: file)).path
    #expect(FileManager.default.contents(atPath: path) == Data(file.contents))
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == Int(file.mode))
  }
}

@Test func aFileInTheWayOfADirectoryFailsAndKeepsTheOldTree() throws {
  let root = try scratch()
  defer { try? FileManager.default.removeItem(at: root) }
  let out = root.appendingPathComponent("out")
  let writer = OutputWriter(directory: out.path, layout: .hosts)
  let first = [file("a", "keep", "1")]
  try writer.write(
    files: first, manifest: Manifest.encode(environment: "e", source: "s", files: first))
  let clashing = [file("b", "x", "1"), file("b", "x/y", "2")]
  #expect(throws: (any Error).self) {
    try writer.write(
      files: clashing, manifest: Manifest.encode(environment: "e", source: "s", files: clashing))
  }
  #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("a/keep").path))
  let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path)
  #expect(leftovers == ["out"])
}
