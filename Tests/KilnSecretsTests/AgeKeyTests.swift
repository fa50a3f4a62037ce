import Testing

@testable import KilnSecrets

@Suite struct AgeKeyTests {
  /// The X25519 example from the age specification (c2sp.org/age).
  @Test func specificationExampleIdentityGivesItsRecipient() throws {
    let identity = try AgeIdentity(
      parsing: "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
    #expect(
      identity.recipient.encoded
        == "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")
    #expect(
      identity.encoded
        == "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")
  }

  @Test func generatedIdentityRoundTrips() throws {
    let identity = AgeIdentity.generate()
    let parsed = try AgeIdentity(parsing: identity.encoded)
    #expect(parsed.recipient == identity.recipient)
    #expect(try AgeRecipient(parsing: identity.recipient.encoded) == identity.recipient)
    #expect(identity.encoded.hasPrefix("AGE-SECRET-KEY-1"))
    #expect(identity.recipient.encoded.hasPrefix("age1"))
  }

  @Test func descriptionNeverShowsTheSecretKey() {
    let identity = AgeIdentity.generate()
    #expect(!String(describing: identity).contains(identity.encoded))
    #expect(!"\(identity)".contains("AGE-SECRET-KEY"))
  }

  @Test(arguments: [
    "",
    "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk",  // bad checksum
    "AGE1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj",  // mixed case
    "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqpzry9x8",  // wrong length
    "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX",  // identity
  ])
  func malformedRecipientsAreRejected(text: String) {
    #expect(throws: AgeError.self) { try AgeRecipient(parsing: text) }
  }

  @Test func identityFileSkipsCommentsAndBlankLines() throws {
    let identity = AgeIdentity.generate()
    let text = "# created: 2026-01-01\n\n" + identity.fileContents
    let parsed = try AgeIdentity.parseFile(text)
    #expect(parsed.count == 1)
    #expect(parsed[0].recipient == identity.recipient)
  }

  @Test func identityFileWithoutKeyIsAnError() {
    #expect(throws: AgeError.self) { try AgeIdentity.parseFile("# nothing here\n") }
    #expect(throws: AgeError.self) { try AgeIdentity.parseFile("age1notakey\n") }
  }
}
