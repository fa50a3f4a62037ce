import Foundation
import KilnTestSupport
import Testing

@testable import KilnBundle

/// `kiln sign`: a second approver's DSSE and minisign signatures count once for their key.
struct CoSignerTests {
  static func sealedByA() -> BundleInput {
    Fixtures.input(keys: [Fixtures.releaseA])
  }

  @Test func coSignatureMeetsTheProdThreshold() throws {
    var input = Self.sealedByA()
    #expect(throws: BundleRejection.self) {
      try BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now).verify(input)
    }
    let signed = try BundleCoSigner.cosign(input, key: Fixtures.releaseB)
    #expect(signed.envelope.signatures.count == 2)
    #expect(signed.minisign.trustedComment == Fixtures.facts().trustedComment)
    var dsseOnly = input
    dsseOnly.envelope = Array(signed.envelope.json.utf8)
    let verifier = BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now)
    #expect(try verifier.verify(dsseOnly).signers == ["release-a", "release-b"])
    input.minisigns.append((name: "b.kiln.B.minisig", text: signed.minisign.fileText))
    #expect(try verifier.verify(input).signers == ["release-a", "release-b"])
  }

  @Test func sameKeyTwiceIsRefused() {
    let input = Self.sealedByA()
    #expect(throws: BundleRejection.self) {
      try BundleCoSigner.cosign(input, key: Fixtures.releaseA)
    }
  }

  @Test func anotherArchiveIsNeverCoSigned() {
    var input = Self.sealedByA()
    input.archive[10] ^= 1
    do {
      _ = try BundleCoSigner.cosign(input, key: Fixtures.releaseB)
      Issue.record("co-signed an altered archive")
    } catch {
      #expect(error.reason == .digestMismatch)
    }
  }

  @Test func missingEnvelopeIsRefused() {
    var input = Self.sealedByA()
    input.envelope = nil
    #expect(throws: BundleRejection.self) {
      try BundleCoSigner.cosign(input, key: Fixtures.releaseB)
    }
  }

  /// Mutated minisign files: a typed rejection or acceptance, never a crash; counted.
  @Test func fuzzedMinisignFilesNeverCrash() {
    var generator = SplitMix64(seed: 11)
    let input = Fixtures.input()
    let verifier = BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now)
    let original = Array(input.minisigns[0].text.utf8)
    var tried = 0
    var rejected = 0
    for _ in 0..<1000 {
      var bytes = original
      for _ in 0..<Int(generator.next() % 4 + 1) {
        bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(
          truncatingIfNeeded: generator.next())
      }
      if generator.next() % 5 == 0 { bytes.removeLast(Int(generator.next() % 40)) }
      var tampered = input
      tampered.envelope = nil
      tampered.minisigns = [(name: "b.kiln.minisig", text: String(decoding: bytes, as: UTF8.self))]
      tried += 1
      if (try? verifier.verify(tampered)) == nil { rejected += 1 }
    }
    #expect(tried == 1000)
    // One signature alone never meets prod's threshold of two, mutated or not.
    #expect(rejected == tried)
  }
}
