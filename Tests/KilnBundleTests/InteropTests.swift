import Foundation
import KilnCompiler
import KilnTestSupport
import Testing

@testable import KilnBundle

/// Kiln's signatures checked by the real peers (minisign, securesystemslib), and the peers'
/// signatures counted by Kiln. A missing tool fails the test with the command that installs it.
struct InteropTests {
  static let minisignInstall = "apt-get install -y minisign"
  static let securesystemslibInstall = "pip install securesystemslib cryptography"

  /// A directory with prod.kiln sealed from a synthetic archive by release-a, and the key files.
  static func sealedDirectory() throws -> String {
    let directory = try TemporaryDirectory.make("bundle").path
    let bundle = BundleSealer.sign(
      archive: Fixtures.archive(), facts: Fixtures.facts(), name: "prod.kiln",
      key: Fixtures.releaseA,
      fileCount: 3)
    try BundleFiles.write(bundle, to: directory + "/prod.kiln")
    _ = try BundleFiles.writeKeyPair(
      Fixtures.releaseA, name: directory + "/release-a", force: false)
    _ = try BundleFiles.writeKeyPair(
      Fixtures.releaseB, name: directory + "/release-b", force: false)
    return directory
  }

  @Test func minisignVerifiesKilnSignatures() throws {
    guard ProcessRunner.require("minisign", install: Self.minisignInstall) else { return }
    let directory = try Self.sealedDirectory()
    let outcome = try ProcessRunner.run(
      ["minisign", "-V", "-H", "-p", "release-a.pub", "-m", "prod.kiln"], in: directory)
    #expect(outcome.status == 0, "\(outcome.output)")
    #expect(outcome.output.contains("Trusted comment: \(Fixtures.facts().trustedComment)"))
    var archive = try Array(Data(contentsOf: URL(fileURLWithPath: directory + "/prod.kiln")))
    archive[100] ^= 1
    try Data(archive).write(to: URL(fileURLWithPath: directory + "/prod.kiln"))
    let tampered = try ProcessRunner.run(
      ["minisign", "-V", "-p", "release-a.pub", "-m", "prod.kiln"], in: directory)
    #expect(tampered.status != 0)
  }

  @Test func stockMinisignCoSignatureCountsTowardTheThreshold() throws {
    guard ProcessRunner.require("minisign", install: Self.minisignInstall) else { return }
    let directory = try Self.sealedDirectory()
    let generate = try ProcessRunner.run(
      ["minisign", "-G", "-W", "-p", "stock.pub", "-s", "stock.key"], in: directory)
    try #require(generate.status == 0, "\(generate.output)")
    let sign = try ProcessRunner.run(
      [
        "minisign", "-S", "-s", "stock.key", "-m", "prod.kiln", "-t",
        Fixtures.facts().trustedComment,
        "-x", "prod.kiln.stock.minisig",
      ], in: directory)
    try #require(sign.status == 0, "\(sign.output)")
    let stockKey = try PublicKey(
      minisign: String(contentsOfFile: directory + "/stock.pub", encoding: .utf8))
    let policy = TrustPolicy(
      keys: [
        .init(name: "release-a", publicKey: Fixtures.releaseA.publicKey, environments: ["prod"]),
        .init(name: "stock", publicKey: stockKey, environments: ["prod"]),
      ], thresholds: ["prod": 2])
    let input = try BundleFiles.read(directory + "/prod.kiln", limit: 1 << 20)
    #expect(input.minisigns.map(\.name) == ["prod.kiln.minisig", "prod.kiln.stock.minisig"])
    let verified = try BundleVerifier(policy: policy, now: VerifierTests.now).verify(input)
    #expect(verified.signers == ["release-a", "stock"])
    // The same key without the stock signature falls short of the threshold.
    try FileManager.default.removeItem(atPath: directory + "/prod.kiln.stock.minisig")
    let alone = try BundleFiles.read(directory + "/prod.kiln", limit: 1 << 20)
    #expect(throws: BundleRejection.self) {
      try BundleVerifier(policy: policy, now: VerifierTests.now).verify(alone)
    }
  }

  @Test func stockMinisignSignsWithAKilnSecretKey() throws {
    guard ProcessRunner.require("minisign", install: Self.minisignInstall) else { return }
    let directory = try Self.sealedDirectory()
    let sign = try ProcessRunner.run(
      [
        "minisign", "-S", "-s", "release-b.key", "-m", "prod.kiln", "-t",
        Fixtures.facts().trustedComment,
        "-x", "prod.kiln.b.minisig",
      ], in: directory)
    try #require(sign.status == 0, "\(sign.output)")
    let verified = try BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now).verify(
      BundleFiles.read(directory + "/prod.kiln", limit: 1 << 20))
    #expect(verified.signers == ["release-a", "release-b"])
  }

  @Test func securesystemslibVerifiesTheDSSEEnvelope() throws {
    let check = try ProcessRunner.run(["python3", "-c", "import securesystemslib, cryptography"])
    guard check.status == 0 else {
      Issue.record("securesystemslib is missing: run `\(Self.securesystemslibInstall)`")
      return
    }
    let directory = try Self.sealedDirectory()
    let envelopePath = directory + "/prod.kiln.dsse.json"
    var envelope = try DSSEEnvelope(
      parsing: Array(Data(contentsOf: URL(fileURLWithPath: envelopePath))),
      name: "prod.kiln.dsse.json")
    envelope.append(signatureBy: Fixtures.releaseB)
    try Data(envelope.json.utf8).write(to: URL(fileURLWithPath: envelopePath))
    let script = packageRoot.path + "/Tests/KilnBundleTests/reference/verify_dsse.py"
    let outcome = try ProcessRunner.run(
      [
        "python3", script, envelopePath, "release-a.pub.json", "release-b.pub.json", "--threshold",
        "2",
      ],
      in: directory)
    #expect(outcome.status == 0, "\(outcome.output)")
    let digest = Digest.sha256Hex(Fixtures.archive())
    #expect(outcome.output.contains("subject \(digest)"))
    #expect(outcome.output.contains(#""env": "prod""#))
    #expect(outcome.output.contains(Fixtures.releaseA.publicKey.keyID))
    envelope.payload = Encoding.base64(
      InTotoStatement(
        archiveName: "prod.kiln", sha256: String(repeating: "0", count: 64), facts: Fixtures.facts()
      ).json)
    try Data(envelope.json.utf8).write(to: URL(fileURLWithPath: envelopePath))
    let forged = try ProcessRunner.run(
      ["python3", script, envelopePath, "release-a.pub.json"], in: directory)
    #expect(forged.status != 0)
  }
}
