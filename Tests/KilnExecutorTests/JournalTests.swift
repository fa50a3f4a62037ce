import Foundation
import KilnTestSupport
import Testing

@testable import KilnExecutor

/// The journal is append-only JSON lines; a torn last line is cut, an unfinished run is found.
struct JournalTests {
  static func record(_ run: String, _ step: JournalRecord.Step, wave: Int? = nil) -> JournalRecord {
    JournalRecord(
      run: run, step: step, time: "2026-01-01T00:00:00Z", digest: "d", env: "prod", version: 1,
      previous: nil, wave: wave)
  }

  static func journal() throws -> Journal {
    let state = StateDirectory(path: try TemporaryDirectory.make("journal").path)
    try state.prepare()
    return Journal(state: state)
  }

  @Test func appendsOneLinePerRecordAndFindsTheUnfinishedRun() throws {
    let journal = try Self.journal()
    try journal.append(Self.record("a", .verified))
    try journal.append(Self.record("a", .healthy))
    #expect(try journal.unfinishedRun() == nil)
    try journal.append(Self.record("b", .verified))
    try journal.append(Self.record("b", .switching, wave: 1))
    let unfinished = try #require(try journal.unfinishedRun())
    #expect(unfinished.map(\.point) == ["VERIFIED", "SWITCHING:1"])
    let text = String(decoding: DurableFiles.read(journal.path) ?? [], as: UTF8.self)
    #expect(text.split(separator: "\n").count == 4)
    #expect(text.hasPrefix(#"{"digest":"d","env":"prod","run":"a","step":"VERIFIED""#))
  }

  @Test func tornLastLineIsIgnoredThenCut() throws {
    let journal = try Self.journal()
    try journal.append(Self.record("a", .verified))
    let handle = try #require(FileHandle(forWritingAtPath: journal.path))
    handle.seekToEndOfFile()
    handle.write(Data(#"{"digest":"d","env":"pr"#.utf8))
    try handle.close()
    #expect(try journal.records().count == 1)
    try journal.repairTail()
    try journal.append(Self.record("a", .staged))
    #expect(try journal.records().map(\.point) == ["VERIFIED", "STAGED"])
  }

  @Test func damagedMiddleLineIsReported() throws {
    let journal = try Self.journal()
    try DurableFiles.write(Array("garbage\n".utf8), to: journal.path, mode: 0o644)
    try journal.append(Self.record("a", .verified))
    #expect(throws: ExecutorError.self) { try journal.records() }
  }
}
