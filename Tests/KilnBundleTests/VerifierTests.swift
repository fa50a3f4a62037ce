import Foundation
import KilnCompiler
import Testing

@testable import KilnBundle

/// Every rejection design §6 lists, each with its own reason.
struct VerifierTests {
  static let now = PolicyFacts.parseTimestamp("2026-06-01T00:00:00Z") ?? Date()

  static func verify(
    _ input: BundleInput, env: String? = nil, policy: TrustPolicy = Fixtures.policy,
    lastApplied: AppliedBundle? = nil
  ) throws(BundleRejection) -> VerifiedBundle {
    try BundleVerifier(
      policy: policy, expectedEnvironment: env, now: now, lastApplied: lastApplied
    ).verify(input)
  }

  static func reason(_ body: () throws(BundleRejection) -> VerifiedBundle) -> BundleRejection
    .Reason?
  {
    do {
      _ = try body()
      return nil
    } catch {
      return error.reason
    }
  }

  @Test func acceptsTwoDistinctProdSigners() throws {
    let verified = try Self.verify(Fixtures.input(), env: "prod")
    #expect(verified.signers == ["release-a", "release-b"])
    #expect(verified.facts == Fixtures.facts())
    #expect(verified.manifest.files.count == 3)
  }

  @Test func oneKeyInBothFormsCountsOnce() {
    let input = Fixtures.input(keys: [Fixtures.releaseA, Fixtures.releaseA])
    #expect(
      Self.reason { () throws(BundleRejection) in try Self.verify(input) } == .thresholdNotMet)
  }

  @Test func minisignOnlyAndDSSEOnlyEachCount() throws {
    var input = Fixtures.input()
    let minisigns = input.minisigns
    input.minisigns = []
    #expect(try Self.verify(input).signers.count == 2)
    input.minisigns = minisigns
    input.envelope = nil
    #expect(try Self.verify(input).signers.count == 2)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var expected: BundleRejection.Reason
    var run: @Sendable () -> BundleRejection.Reason?
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "oversize", expected: .oversize) {
      var policy = Fixtures.policy
      policy.maxBundleBytes = 1000
      return reason { () throws(BundleRejection) in try verify(Fixtures.input(), policy: policy) }
    },
    Case(name: "no signatures", expected: .missingSignature) {
      var input = Fixtures.input()
      input.envelope = nil
      input.minisigns = []
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "envelope not JSON", expected: .malformedSignature) {
      var input = Fixtures.input()
      input.envelope = Array("{\"payload\": ".utf8)
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "payload not base64", expected: .malformedSignature) {
      var input = Fixtures.input()
      input.envelope = Array(
        #"{"payload":"!!!","payloadType":"application/vnd.in-toto+json","signatures":[{"keyid":"x","sig":"AA=="}]}"#
          .utf8)
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "minisig garbage", expected: .malformedSignature) {
      var input = Fixtures.input()
      input.minisigns[0].text = "untrusted comment: x\nnot base64\ntrusted comment: y\nzz\n"
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "wrong payload type", expected: .wrongPayloadType) {
      var input = Fixtures.input()
      input.envelope = input.envelope.map {
        Array(
          String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "in-toto+json", with: "json")
            .utf8)
      }
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "archive byte changed", expected: .digestMismatch) {
      var input = Fixtures.input()
      input.archive[600] ^= 1
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "archive byte changed, minisign only", expected: .badSignature) {
      var input = Fixtures.input()
      input.envelope = nil
      input.archive[600] ^= 1
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "DSSE signature altered", expected: .badSignature) {
      var input = Fixtures.input()
      input.minisigns = []
      let envelope = try? JSONDecoder().decode(DSSEEnvelope.self, from: Data(input.envelope ?? []))
      guard var envelope else { return nil }
      var sig = Encoding.bytes(base64: envelope.signatures[0].sig) ?? []
      sig[5] ^= 1
      envelope.signatures[0].sig = Encoding.base64(sig)
      input.envelope = Array(envelope.json.utf8)
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "extra signature by an unknown key", expected: .unknownKey) {
      let input = Fixtures.input(keys: [Fixtures.releaseA, Fixtures.releaseB, Fixtures.stranger])
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "statement for another archive", expected: .digestMismatch) {
      var input = Fixtures.input()
      input.minisigns = []
      input.archive = Fixtures.archive(extra: [
        TarEntry(path: "files/zz/x", mode: 0o644, contents: [])
      ])
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "untrusted key", expected: .unknownKey) {
      let input = Fixtures.input(keys: [Fixtures.stranger])
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "co-signer binds other facts", expected: .factsDisagree) {
      var input = Fixtures.input(keys: [Fixtures.releaseA])
      let other = MinisignSignature(
        blake2bDigest: BLAKE2b.hash(input.archive),
        trustedComment: Fixtures.facts(version: 43).trustedComment, key: Fixtures.releaseB)
      input.minisigns.append((name: "b.kiln.b.minisig", text: other.fileText))
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "staging-only key for prod", expected: .keyNotAllowedForEnvironment) {
      let input = Fixtures.input(keys: [Fixtures.ci])
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "staging bundle applied to prod", expected: .wrongEnvironment) {
      let input = Fixtures.input(
        archive: Fixtures.archive(env: "staging"), facts: Fixtures.facts(env: "staging"),
        keys: [Fixtures.ci])
      return reason { () throws(BundleRejection) in try verify(input, env: "prod") }
    },
    Case(name: "env without threshold", expected: .wrongEnvironment) {
      let input = Fixtures.input(
        archive: Fixtures.archive(env: "dev"), facts: Fixtures.facts(env: "dev"))
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "threshold not met", expected: .thresholdNotMet) {
      let input = Fixtures.input(keys: [Fixtures.releaseA])
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "expired", expected: .expired) {
      let input = Fixtures.input(facts: Fixtures.facts(expires: "2026-05-31T23:59:59Z"))
      return reason { () throws(BundleRejection) in try verify(input) }
    },
    Case(name: "lower version replayed", expected: .rollback) {
      let last = AppliedBundle(version: 43, sha256: "00")
      return reason { () throws(BundleRejection) in try verify(Fixtures.input(), lastApplied: last)
      }
    },
    Case(name: "same version, other content", expected: .rollback) {
      let last = AppliedBundle(version: 42, sha256: "00")
      return reason { () throws(BundleRejection) in try verify(Fixtures.input(), lastApplied: last)
      }
    },
    Case(name: "signed archive with ../ entry", expected: .unsafePath) {
      let archive = Fixtures.rawEntry(name: "../../etc/passwd", contents: [1]) + Fixtures.endMarker
      return reason { () throws(BundleRejection) in try verify(Fixtures.input(archive: archive)) }
    },
    Case(name: "signed archive with symlink", expected: .link) {
      let archive =
        Fixtures.rawEntry(name: "files/a/l", type: UInt8(ascii: "2")) + Fixtures.endMarker
      return reason { () throws(BundleRejection) in try verify(Fixtures.input(archive: archive)) }
    },
    Case(name: "signed archive, file not in manifest", expected: .manifestMismatch) {
      let archive = Fixtures.archive(extra: [
        TarEntry(path: "files/zz/x", mode: 0o644, contents: [])
      ])
      return reason { () throws(BundleRejection) in try verify(Fixtures.input(archive: archive)) }
    },
  ]

  @Test(arguments: cases)
  func rejects(_ testCase: Case) {
    #expect(testCase.run() == testCase.expected)
  }

  @Test func sameVersionAndDigestAgainIsIdempotent() throws {
    let input = Fixtures.input()
    let digest = Digest.sha256Hex(input.archive)
    let verified = try Self.verify(input, lastApplied: AppliedBundle(version: 42, sha256: digest))
    #expect(verified.sha256 == digest)
  }

  @Test func everyReasonHasItsOwnCase() {
    let covered = Set(Self.cases.map(\.expected))
    let elsewhere: Set<BundleRejection.Reason> = [
      .duplicatePath, .device, .malformedArchive, .rerenderMismatch,
    ]
    #expect(
      Set(BundleRejection.Reason.allCases).subtracting(covered).subtracting(elsewhere).isEmpty)
  }
}
