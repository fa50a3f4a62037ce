import Foundation
import KilnTestSupport
import Testing

@testable import KilnBundle

/// Flipping, truncating, appending and swapping: every tampered bundle is rejected.
struct TamperTests {
  @Test func everySingleByteFlipOfTheArchiveIsRejected() {
    let input = Fixtures.input()
    let verifier = BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now)
    var tried = 0
    var rejected = 0
    for position in input.archive.indices {
      var tampered = input
      tampered.archive[position] ^= 0x01
      tried += 1
      if (try? verifier.verify(tampered)) == nil { rejected += 1 }
    }
    #expect(tried == input.archive.count)
    #expect(rejected == tried)
  }

  @Test func truncatingAppendingAndSwappingAreRejected() throws {
    let input = Fixtures.input()
    let verifier = BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now)
    var variants: [[UInt8]] = [
      Array(input.archive.dropLast(512)), Array(input.archive.dropLast(1)),
      input.archive + [UInt8](repeating: 0, count: 512), input.archive + [1],
    ]
    let entries = try TarReader.entries(of: input.archive)
    var swapped: [UInt8] = []
    for entry in [entries[1], entries[0]] + entries.dropFirst(2) {
      swapped += try TarWriter.archive([entry], modificationTime: 1_767_225_600).dropLast(1024)
    }
    variants.append(swapped + Fixtures.endMarker)
    var rejected = 0
    for variant in variants {
      var tampered = input
      tampered.archive = variant
      #expect(variant != input.archive)
      if (try? verifier.verify(tampered)) == nil { rejected += 1 }
    }
    #expect(rejected == variants.count)
  }

  @Test func flippingSignatureFileBytesIsRejected() {
    let input = Fixtures.input()
    let verifier = BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now)
    let envelope = input.envelope ?? []
    var tried = 0
    var rejected = 0
    for position in envelope.indices {
      var tampered = input
      tampered.envelope?[position] ^= 0x04
      tried += 1
      if (try? verifier.verify(tampered)) == nil { rejected += 1 }
    }
    let minisign = Array(input.minisigns[0].text.utf8)
    // The first line is minisign's untrusted comment: unsigned by design.
    let signedStart = (minisign.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1
    for offset in signedStart..<minisign.count {
      var bytes = minisign
      bytes[offset] ^= 0x04
      var tampered = input
      tampered.minisigns[0].text = String(decoding: bytes, as: UTF8.self)
      tried += 1
      if (try? verifier.verify(tampered)) == nil { rejected += 1 }
    }
    #expect(tried == envelope.count + minisign.count - signedStart)
    #expect(rejected == tried)
  }

  /// Mutated envelopes and signature files: a typed rejection or acceptance, never a crash.
  @Test func fuzzedEnvelopesNeverCrash() {
    var generator = SplitMix64(seed: 6)
    let input = Fixtures.input()
    let verifier = BundleVerifier(policy: Fixtures.policy, now: VerifierTests.now)
    var outcomes = 0
    for _ in 0..<1500 {
      var tampered = input
      var envelope = input.envelope ?? []
      for _ in 0..<Int(generator.next() % 6 + 1) {
        envelope[Int(generator.next() % UInt64(envelope.count))] = UInt8(
          truncatingIfNeeded: generator.next())
      }
      if generator.next() % 4 == 0 {
        envelope.removeLast(Int(generator.next() % UInt64(envelope.count)))
      }
      tampered.envelope = envelope
      _ = try? verifier.verify(tampered)
      outcomes += 1
    }
    #expect(outcomes == 1500)
  }
}
