import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `kill -9` of `kiln apply` at every journal step and at random times: every host root is
/// always exactly the old or the new release, and the next apply ends on the new release.
@Suite(.serialized) struct ApplyCrashTests {
  /// Journal points of applying p2 over p1 (6 waves).
  static let points =
    ["VERIFIED", "STAGED"]
    + (1...6).flatMap { ["SWITCHING:\($0)", "SWITCHED:\($0)", "WAVE_HEALTHY:\($0)"] } + ["HEALTHY"]

  /// Points of the failing p3 rollout; the next apply (p2) recovers by rolling p3's hosts back.
  static let failingPoints = ["SWITCHED:1", "SWITCHING:2", "SWITCHED:2", "ROLLING_BACK"]

  static let randomRuns = 30

  /// A copy of `base` (p1 applied) as a new target.
  static func copy(_ base: URL, to target: URL) throws {
    try shell("cp -a '\(base.path)' '\(target.path)'", in: base.deletingLastPathComponent())
  }

  /// Starts `kiln apply` with an environment addition; returns the process.
  static func start(_ arguments: [String], in directory: URL, environment: [String: String])
    throws -> Process
  {
    let process = Process()
    process.executableURL = KilnProcess.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  @Test func killedAnywhereTheNextApplyEndsOnTheNewRelease() throws {
    let fixture = try ApplyFixture()
    defer { fixture.remove() }
    let base = fixture.work.appendingPathComponent("base")
    try ApplyFixture.require(try fixture.apply("p1", into: base))
    let p2 = try fixture.digest("p2")
    var runs = 0
    var killed = 0
    func check(_ target: URL, after label: String, recoverWith bundle: String = "p2") throws {
      let midway = fixture.hostsNotOn(["p1", "p2"], in: target)
      #expect(midway.isEmpty, "after \(label): hosts on neither release: \(midway)")
      let again = try fixture.apply(bundle, into: target)
      #expect(again.exitCode == 0, "after \(label): \(again.stdout)\(again.stderr)")
      let stale = fixture.hostsNotOn(["p2"], in: target)
      #expect(stale.isEmpty, "after \(label): hosts not on p2: \(stale)")
      #expect(ApplyFixture.current(target) == p2, "after \(label)")
      let applied = try String(
        contentsOf: target.appendingPathComponent("state/applied.json"), encoding: .utf8)
      #expect(applied.contains("\"version\" : 2"), "after \(label): \(applied)")
      runs += 1
    }
    for (index, point) in (Self.points.map { ("p2", $0) } + Self.failingPoints.map { ("p3", $0) })
      .enumerated()
    {
      let target = fixture.work.appendingPathComponent("point-\(index)")
      try Self.copy(base, to: target)
      let process = try Self.start(
        fixture.applyArguments(point.0, into: target), in: fixture.example.root,
        environment: ["KILN_APPLY_CRASH_AFTER": point.1])
      process.waitUntilExit()
      let wasKilled =
        process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
      #expect(wasKilled, "\(point.0) at \(point.1) was not killed")
      if wasKilled { killed += 1 }
      try check(target, after: "\(point.0) killed after \(point.1)")
    }
    let timing = fixture.work.appendingPathComponent("timing")
    try Self.copy(base, to: timing)
    let started = Date()
    try ApplyFixture.require(try fixture.apply("p2", into: timing))
    let duration = Date().timeIntervalSince(started)
    var generator = SystemRandomNumberGenerator()
    for index in 0..<Self.randomRuns {
      let target = fixture.work.appendingPathComponent("random-\(index)")
      try Self.copy(base, to: target)
      let delay = Double.random(in: 0...(duration * 1.1), using: &generator)
      let process = try Self.start(
        fixture.applyArguments("p2", into: target), in: fixture.example.root, environment: [:])
      Thread.sleep(forTimeInterval: delay)
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      if process.terminationReason == .uncaughtSignal { killed += 1 }
      try check(target, after: String(format: "a kill at %.3f s", delay))
    }
    #expect(runs == Self.points.count + Self.failingPoints.count + Self.randomRuns)
    #expect(runs >= 50)
    #expect(killed >= Self.points.count + Self.failingPoints.count)
    print("crash test: \(runs) runs, \(killed) killed mid-apply, full apply \(duration) s")
  }
}
