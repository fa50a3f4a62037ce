import Foundation
import KilnFormats
import KilnTestSupport
import Testing

/// The line diff against GNU diff: applying the hunks turns old into new, and the number of
/// changed lines equals `diff --minimal`'s.
struct LineDiffTests {
  /// A deterministic pseudo-random generator (xorshift), so failures reproduce.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  static func randomLines(_ generator: inout Generator, count: Int) -> [String] {
    (0..<count).map { _ in "l\(Int.random(in: 0..<6, using: &generator))" }
  }

  static func mutate(_ lines: [String], _ generator: inout Generator) -> [String] {
    var result = lines
    for _ in 0..<Int.random(in: 0..<8, using: &generator) {
      let position = Int.random(in: 0...result.count, using: &generator)
      switch Int.random(in: 0..<3, using: &generator) {
      case 0: result.insert("n\(Int.random(in: 0..<4, using: &generator))", at: position)
      case 1 where position < result.count: result.remove(at: position)
      default: if position < result.count { result[position] = "c" }
      }
    }
    return result
  }

  @Test(arguments: 0..<40)
  func hunksApplyAndAreMinimal(seed: Int) throws {
    var generator = Generator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1)
    let old = Self.randomLines(&generator, count: Int.random(in: 0..<30, using: &generator))
    let new = Self.mutate(old, &generator)
    let hunks = LineDiff.hunks(old: old, new: new)
    #expect(Self.apply(hunks, to: old) == new)
    let ours = hunks.flatMap(\.lines).filter { $0.kind != .context }.count
    #expect(ours == (try Self.gnuChangedLineCount(old: old, new: new)))
  }

  /// Applies hunks, checking each context and removed line against the old text.
  static func apply(_ hunks: [DiffHunk], to old: [String]) -> [String]? {
    var result: [String] = []
    var position = 0
    for hunk in hunks {
      let start = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1
      guard start >= position, start <= old.count else { return nil }
      result += old[position..<start]
      position = start
      for line in hunk.lines {
        switch line.kind {
        case .context, .removed:
          guard position < old.count, old[position] == line.text else { return nil }
          if line.kind == .context { result.append(line.text) }
          position += 1
        case .added: result.append(line.text)
        }
      }
    }
    return result + old[position...]
  }

  static func gnuChangedLineCount(old: [String], new: [String]) throws -> Int {
    let directory = try TemporaryDirectory.make("linediff")
    defer { try? FileManager.default.removeItem(at: directory) }
    let a = directory.appendingPathComponent("a")
    let b = directory.appendingPathComponent("b")
    try Data(old.map { $0 + "\n" }.joined().utf8).write(to: a)
    try Data(new.map { $0 + "\n" }.joined().utf8).write(to: b)
    let diff = try TestProcess.run("/usr/bin/diff", ["--minimal", "-U0", a.path, b.path])
    return diff.output.split(separator: "\n").filter { line in
      (line.hasPrefix("+") && !line.hasPrefix("+++"))
        || (line.hasPrefix("-") && !line.hasPrefix("---"))
    }.count
  }

  @Test func changedLinesPairReplacements() {
    let changes = LineDiff.changedLines(old: ["a", "b", "c"], new: ["a", "B", "c", "d"])
    #expect(
      changes == [
        LineChange(oldLine: 2, newLine: 2, old: "b", new: "B"),
        LineChange(oldLine: nil, newLine: 4, old: nil, new: "d"),
      ])
  }
}
