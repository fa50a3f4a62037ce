import Testing

@testable import KilnSecrets

@Suite struct AgeArmorTests {
  @Test(arguments: [0, 1, 47, 48, 49, 96, 1000])
  func armorRoundTripsWithSixtyFourColumnLines(size: Int) throws {
    let binary = (0..<size).map { UInt8(truncatingIfNeeded: $0 * 7) }
    let armored = AgeArmor.armor(binary)
    let lines = String(decoding: armored, as: UTF8.self).split(separator: "\n")
    #expect(lines.first == "-----BEGIN AGE ENCRYPTED FILE-----")
    #expect(lines.last == "-----END AGE ENCRYPTED FILE-----")
    #expect(lines.dropFirst().dropLast().allSatisfy { $0.count <= 64 })
    #expect(lines.dropFirst().dropLast().dropLast().allSatisfy { $0.count == 64 })
    #expect(try AgeArmor.dearmor(armored) == binary)
    #expect(try AgeArmor.dearmor(Array("\n  \n".utf8) + armored + Array(" \n".utf8)) == binary)
  }

  @Test(arguments: [
    "-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n",  // no END
    // Non-zero unused bits: not canonical.
    "-----BEGIN AGE ENCRYPTED FILE-----\nAAB=\n-----END AGE ENCRYPTED FILE-----\n",
    "-----BEGIN AGE ENCRYPTED FILE-----\n\n-----END AGE ENCRYPTED FILE-----\n",  // empty line
    "-----BEGIN AGE ENCRYPTED FILE-----\nAAAA\n-----END AGE ENCRYPTED FILE-----\ngarbage",
    "-----BEGIN AGE FILE-----\nAAAA\n-----END AGE ENCRYPTED FILE-----\n",
  ])
  func malformedArmorIsRejected(text: String) {
    #expect(throws: AgeError.self) { try AgeArmor.dearmor(Array(text.utf8)) }
  }

  @Test func base64IsStrict() {
    #expect(AgeBase64.decode(Array("AA".utf8)) == [0])
    #expect(AgeBase64.decode(Array("AB".utf8)) == nil)  // non-zero unused bits
    #expect(AgeBase64.decode(Array("AA==".utf8)) == nil)  // padding in the raw form
    #expect(AgeBase64.decode(Array("A".utf8)) == nil)
    #expect(AgeBase64.decodePadded(Array("AA==".utf8)) == [0])
    #expect(AgeBase64.encode([0xff, 0xee]) == "/+4")
    #expect(AgeBase64.encode([0xff, 0xee], padded: true) == "/+4=")
  }
}
