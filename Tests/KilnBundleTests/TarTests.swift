import Foundation
import KilnTestSupport
import Testing

@testable import KilnBundle

/// The deterministic ustar writer and the refusing reader.
struct TarTests {
  @Test func writesSortedDeterministicArchivesThatReadBack() throws {
    let entries = [
      TarEntry(path: "manifest.json", mode: 0o644, contents: Array("{}".utf8)),
      TarEntry(path: "files/b/x.conf", mode: 0o600, contents: Array("secret".utf8)),
      TarEntry(path: "files/a/y.conf", mode: 0o640, contents: []),
    ]
    let first = try TarWriter.archive(entries, modificationTime: 1_700_000_000)
    let second = try TarWriter.archive(entries.reversed(), modificationTime: 1_700_000_000)
    #expect(first == second)
    let read = try TarReader.entries(of: first)
    #expect(read.map(\.path) == ["files/a/y.conf", "files/b/x.conf", "manifest.json"])
    #expect(read.map(\.mode) == [0o640, 0o600, 0o644])
    #expect(read[1].contents == Array("secret".utf8))
  }

  @Test func gnuTarListsOwnersModesAndTimes() throws {
    let directory = try TemporaryDirectory.make("bundle").path
    let long =
      "files/" + String(repeating: "h", count: 60) + "/" + String(repeating: "d", count: 80)
      + "/f.conf"
    let archive = try TarWriter.archive(
      [TarEntry(path: long, mode: 0o640, contents: Array("x\n".utf8))],
      modificationTime: 1_767_225_600)
    try Data(archive).write(to: URL(fileURLWithPath: directory + "/a.tar"))
    let listing = try ProcessRunner.run(
      ["tar", "--numeric-owner", "--utc", "-tvf", "a.tar"], in: directory)
    #expect(listing.status == 0)
    #expect(listing.output.contains("-rw-r----- 0/0"))
    #expect(listing.output.contains("2026-01-01 00:00"))
    #expect(listing.output.contains(long))
  }

  @Test func refusesPathsUstarCannotHold() {
    let name = String(repeating: "n", count: 101)
    #expect(throws: TarWriteError.self) {
      try TarWriter.archive(
        [TarEntry(path: "files/" + name, mode: 0o644, contents: [])], modificationTime: 0)
    }
    #expect(throws: TarWriteError.self) {
      try TarWriter.archive(
        [TarEntry(path: "../x", mode: 0o644, contents: [])], modificationTime: 0)
    }
  }

  static let hostile: [(String, [UInt8], BundleRejection.Reason)] = [
    (
      "dot-dot", Fixtures.rawEntry(name: "../../etc/passwd", contents: [1]) + Fixtures.endMarker,
      .unsafePath
    ),
    ("absolute", Fixtures.rawEntry(name: "/etc/passwd") + Fixtures.endMarker, .unsafePath),
    ("inner dot-dot", Fixtures.rawEntry(name: "files/a/../../x") + Fixtures.endMarker, .unsafePath),
    (
      "symlink", Fixtures.rawEntry(name: "files/a/l", type: UInt8(ascii: "2")) + Fixtures.endMarker,
      .link
    ),
    (
      "hard link",
      Fixtures.rawEntry(name: "files/a/l", type: UInt8(ascii: "1")) + Fixtures.endMarker, .link
    ),
    (
      "char device",
      Fixtures.rawEntry(name: "files/a/d", type: UInt8(ascii: "3")) + Fixtures.endMarker, .device
    ),
    (
      "fifo", Fixtures.rawEntry(name: "files/a/p", type: UInt8(ascii: "6")) + Fixtures.endMarker,
      .device
    ),
    (
      "directory",
      Fixtures.rawEntry(name: "files/a/", type: UInt8(ascii: "5")) + Fixtures.endMarker, .unsafePath
    ),
    (
      "duplicate",
      Fixtures.rawEntry(name: "files/a/x") + Fixtures.rawEntry(name: "files/a/x")
        + Fixtures.endMarker,
      .duplicatePath
    ),
    ("no end marker", Fixtures.rawEntry(name: "files/a/x"), .malformedArchive),
    (
      "trailing data",
      Fixtures.rawEntry(name: "files/a/x") + Fixtures.endMarker + [UInt8](repeating: 7, count: 512),
      .malformedArchive
    ),
    ("ragged length", Fixtures.rawEntry(name: "files/a/x") + [0, 0, 0], .malformedArchive),
  ]

  @Test(arguments: hostile)
  func rejectsHostileArchives(name: String, archive: [UInt8], reason: BundleRejection.Reason) {
    do {
      let entries = try TarReader.entries(of: archive)
      Issue.record("\(name): accepted \(entries.map(\.path))")
    } catch {
      #expect(error.reason == reason, "\(name): \(error)")
    }
  }

  @Test func rejectsHugeDeclaredSizeAndBadChecksum() throws {
    var huge = Fixtures.rawEntry(name: "files/a/x") + Fixtures.endMarker
    huge.replaceSubrange(124..<136, with: TarWriter.octal(0o77777777777, width: 12))
    var sum: UInt64 = 0
    for (index, byte) in huge[0..<512].enumerated() {
      sum += (148..<156).contains(index) ? 32 : UInt64(byte)
    }
    huge.replaceSubrange(148..<156, with: TarWriter.octal(sum, width: 7) + [32])
    #expect(
      throws: BundleRejection(
        .malformedArchive, "'files/a/x' declares 8589934591 bytes, past the end of the archive")
    ) {
      _ = try TarReader.entries(of: huge)
    }
    var corrupt = Fixtures.rawEntry(name: "files/a/x") + Fixtures.endMarker
    corrupt[3] ^= 0x20
    #expect(throws: BundleRejection.self) { _ = try TarReader.entries(of: corrupt) }
  }

  /// Mutated archives: every outcome is a value or a typed rejection, never a crash.
  @Test func fuzzedArchivesNeverCrash() {
    var generator = SplitMix64(seed: 8)
    let base = Fixtures.archive()
    var rejected = 0
    let rounds = 3000
    for _ in 0..<rounds {
      var bytes = base
      for _ in 0..<Int(generator.next() % 4 + 1) {
        let position = Int(generator.next() % UInt64(bytes.count))
        bytes[position] = UInt8(truncatingIfNeeded: generator.next())
      }
      if generator.next() % 5 == 0 { bytes.removeLast(Int(generator.next() % 700)) }
      do { _ = try TarReader.entries(of: bytes) } catch { rejected += 1 }
    }
    #expect(rejected > 0 && rejected <= rounds)
  }
}
