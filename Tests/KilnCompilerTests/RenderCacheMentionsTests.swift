import Foundation
import KilnCompiler
import Testing

/// The render cache's memo of which variable files name `hostvars`: each blob is read once,
/// the answers survive a run in the cache directory, and a damaged memo only costs reads.
struct RenderCacheMentionsTests {
  /// Asks `memo` about `id`, counting in `reads` how often the bytes had to be read.
  static func ask(
    _ memo: HostvarsMentions, _ id: String, text: String, reads: inout Int
  ) -> Bool {
    memo.mentionsHostvars(id: id) { () -> [UInt8]? in
      reads += 1
      return Array(text.utf8)
    }
  }

  @Test func eachBlobIsReadOnceAndTheAnswersAreKeptAcrossRuns() throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("kiln-mentions-\(UUID().uuidString)/hostvars-v1").path
    defer {
      try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent)
    }
    var reads = 0
    let first = HostvarsMentions(file: file)
    #expect(Self.ask(first, "a1", text: "peers: \"{{ hostvars['x'] }}\"\n", reads: &reads))
    #expect(!Self.ask(first, "b2", text: "memory: 1024\n", reads: &reads))
    #expect(Self.ask(first, "a1", text: "", reads: &reads))
    #expect(reads == 2)
    first.save()
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "a1 1\nb2 0\n")

    let second = HostvarsMentions(file: file)
    #expect(Self.ask(second, "a1", text: "", reads: &reads))
    #expect(!Self.ask(second, "b2", text: "hostvars", reads: &reads))
    #expect(reads == 2)
  }

  @Test func malformedLinesAreIgnored() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("kiln-mentions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("hostvars-v1").path
    try Data("garbage\nc3 2\nd4 1\n\n".utf8).write(to: URL(fileURLWithPath: file))
    var reads = 0
    let memo = HostvarsMentions(file: file)
    #expect(Self.ask(memo, "d4", text: "", reads: &reads))
    #expect(!Self.ask(memo, "c3", text: "plain: 1\n", reads: &reads))
    #expect(reads == 1)
  }

  @Test(arguments: [
    ("hostvars", true), ("xhostvarsx", true), ("hostvar", false), ("", false),
    ("host vars", false),
  ])
  func findsTheWordAnywhere(text: String, expected: Bool) {
    var reads = 0
    #expect(Self.ask(HostvarsMentions(file: nil), "id", text: text, reads: &reads) == expected)
  }
}
