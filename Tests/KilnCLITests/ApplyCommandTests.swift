import Foundation
import Testing

/// `kiln apply` end to end on the sealed example: the copy driver into temporary host roots,
/// rollback of a failing wave, refusals that leave the state untouched, `verify --state`.
@Suite(.serialized) struct ApplyCommandTests {
  @Test func appliesRollsBackAndRefusesReplays() throws {
    let fixture = try ApplyFixture()
    defer { fixture.remove() }
    let target = fixture.work.appendingPathComponent("target")
    let started = Date()
    let first = try fixture.apply("p1", into: target, ["--json"])
    let seconds = Date().timeIntervalSince(started)
    #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
    #expect(fixture.hostsNotOn(["p1"], in: target).isEmpty)
    #expect(ApplyFixture.hostTrees(target).count == 9)
    let secret = target.appendingPathComponent("hosts/ctl01/mariadb/galera.cnf").path
    let mode = try FileManager.default.attributesOfItem(atPath: secret)[.posixPermissions]
    #expect((mode as? Int) == 0o600)
    #expect(try !String(contentsOfFile: secret, encoding: .utf8).contains("<secret "))
    let events = first.stdout.split(separator: "\n").compactMap {
      try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
    }
    #expect(events.first?["event"] as? String == "verified")
    #expect(events.last?["event"] as? String == "finished")
    #expect(events.last?["status"] as? String == "applied")
    #expect(events.filter { $0["event"] as? String == "wave_started" }.count == 6)
    print("apply of the example prod bundle (9 hosts, 6 waves): \(seconds) s")

    let failing = try fixture.apply("p3", into: target)
    #expect(failing.exitCode == 1, "\(failing.stdout)\(failing.stderr)")
    #expect(failing.stdout.contains("wave 2: failed on ctl01, ctl02"))
    #expect(failing.stdout.contains("ROLLED BACK cmp01 ctl01 ctl02"))
    #expect(fixture.hostsNotOn(["p1"], in: target).isEmpty)
    #expect(ApplyFixture.current(target) == (try fixture.digest("p1")))

    #expect(try fixture.apply("p2", into: target).exitCode == 0)
    #expect(fixture.hostsNotOn(["p2"], in: target).isEmpty)
    #expect(ApplyFixture.current(target) == (try fixture.digest("p2")))
    let again = try fixture.apply("p2", into: target)
    #expect(again.exitCode == 0)
    #expect(again.stdout.contains("already applied"))

    let state = ApplyFixture.snapshot(target)
    let replay = try fixture.apply("p1", into: target)
    #expect(replay.exitCode == 3)
    #expect(replay.stderr.contains("bundle rejected (rollback)"))
    let staging = try fixture.apply("s1", into: target)
    #expect(staging.exitCode == 3)
    #expect(staging.stderr.contains("bundle rejected (wrongEnvironment)"))
    let explicit = try fixture.apply("s1", into: target, ["--env", "prod"])
    #expect(explicit.stderr.contains("bundle rejected (wrongEnvironment)"))
    #expect(ApplyFixture.snapshot(target) == state)

    let stateDirectory = target.appendingPathComponent("state").path
    let verifyOld = try fixture.example.kiln(
      "verify", "\(fixture.work.path)/p1.kiln", "--trust", "\(fixture.work.path)/trust.yaml",
      "--state", stateDirectory)
    #expect(verifyOld.exitCode == 3)
    let verifySame = try fixture.example.kiln(
      "verify", "\(fixture.work.path)/p2.kiln", "--trust", "\(fixture.work.path)/trust.yaml",
      "--state", stateDirectory)
    #expect(verifySame.exitCode == 0, "\(verifySame.stderr)")

    let rollback = try KilnProcess.run(
      [
        "apply", "--rollback", "--state", stateDirectory, "--driver", "copy", "--root",
        target.appendingPathComponent("hosts").path,
      ], in: fixture.example.root)
    #expect(rollback.exitCode == 0, "\(rollback.stdout)\(rollback.stderr)")
    #expect(fixture.hostsNotOn(["p1"], in: target).isEmpty)
  }

  @Test func tamperedBundleLeavesTheStateByteIdentical() throws {
    let fixture = try ApplyFixture()
    defer { fixture.remove() }
    let target = fixture.work.appendingPathComponent("target")
    #expect(try fixture.apply("p1", into: target).exitCode == 0)
    let bundle = fixture.work.appendingPathComponent("p2.kiln")
    var bytes = try Data(contentsOf: bundle)
    bytes[bytes.count / 3] ^= 0x20
    try bytes.write(to: bundle)
    let state = ApplyFixture.snapshot(target)
    let result = try fixture.apply("p2", into: target)
    #expect(result.exitCode == 3)
    #expect(result.stderr.contains("bundle rejected"))
    #expect(ApplyFixture.snapshot(target) == state)
    let fresh = fixture.work.appendingPathComponent("fresh")
    #expect(try fixture.apply("p2", into: fresh).exitCode == 3)
    #expect(!FileManager.default.fileExists(atPath: fresh.path))
  }

  @Test func hangingDriverIsKilledAtItsTimeout() throws {
    let fixture = try ApplyFixture()
    defer { fixture.remove() }
    let target = fixture.work.appendingPathComponent("target")
    let started = Date()
    let result = try KilnProcess.run(
      [
        "apply", "\(fixture.work.path)/p1.kiln", "--trust", "\(fixture.work.path)/trust.yaml",
        "--state",
        target.appendingPathComponent("state").path, "--identity", ApplyFixture.identity,
        "--driver", "echo driving {hosts}; sleep 60",
        "--driver-timeout", "1", "--skip-health",
      ], in: fixture.example.root)
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(result.exitCode == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("cmp01 | driving cmp01"))
    #expect(result.stdout.contains("driver killed after 1 s timeout"))
    #expect(result.stderr.contains("HEALTH CHECKS ARE SKIPPED"))
  }

  @Test func dryRunPrintsTheWavesAndWritesNothing() throws {
    let fixture = try ApplyFixture()
    defer { fixture.remove() }
    let target = fixture.work.appendingPathComponent("target")
    let result = try fixture.apply("p1", into: target, ["--dry-run"])
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("wave 1/6: cmp01"))
    #expect(result.stdout.contains("wave 2/6: ctl01 ctl02"))
    #expect(result.stdout.contains("wave 6/6: cmp04"))
    #expect(!FileManager.default.fileExists(atPath: target.path))
    let arguments = fixture.applyArguments("p1", into: target).filter {
      $0 != "--identity" && $0 != ApplyFixture.identity
    }
    let withoutIdentity = try KilnProcess.run(arguments, in: fixture.example.root)
    #expect(withoutIdentity.exitCode == 2)
    #expect(withoutIdentity.stderr.contains("no identity was given"), "\(withoutIdentity.stderr)")
    #expect(!FileManager.default.fileExists(atPath: target.path))
  }
}
