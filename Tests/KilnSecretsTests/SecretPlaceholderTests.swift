import Testing

@testable import KilnSecrets

@Suite struct SecretPlaceholderTests {
  static let reference = SecretReference(name: "db_password", fingerprint: "0123456789ab")

  @Test func plainPlaceholderText() {
    #expect(Self.reference.description == "<secret db_password sha256:0123456789ab>")
    #expect(SecretReference(parsing: Self.reference.description) == Self.reference)
  }

  @Test(arguments: ["openstack", "", "a b/c%d", "ünï"])
  func transformArgumentsRoundTrip(seed: String) {
    let derived = Self.reference.appending(.rabbitMQPasswordHash(seed: seed))
    let text = derived.description
    #expect(text.hasPrefix("<secret db_password sha256:0123456789ab | rabbitmq_password_hash "))
    #expect(!text.dropFirst().dropLast().contains(">"))
    #expect(SecretReference(parsing: text) == derived)
  }

  @Test(arguments: [
    "<secret db_password>",  // no fingerprint
    "<secret db password sha256:0123456789ab>",  // space in name
    "<secret db_password sha256:0123456789AB>",  // upper-case hex
    "<secret db_password sha256:0123456789a>",  // short
    "<secret db_password sha256:0123456789ab | >",  // empty transform
    "<secret db_password sha256:0123456789ab | x a%zz>",  // bad percent escape
  ])
  func malformedPlaceholdersAreNotReferences(text: String) {
    #expect(SecretReference(parsing: text) == nil)
  }

  @Test func namesAreFoundSortedAndUnique() {
    let content = Array(
      ("a=<secret b sha256:0123456789ab>\nx=<secret a sha256:aaaaaaaaaaaa | rabbitmq_password_hash u>"
        + "\n<secret b sha256:0123456789ab> <secret broken>").utf8)
    #expect(SecretPlaceholder.names(in: content) == ["a", "b"])
    #expect(SecretPlaceholder.references(in: content).count == 3)
  }

  @Test func substituteReplacesEveryPlaceholderAndAppliesTransforms() throws {
    let text =
      "user:<secret pw sha256:0123456789ab>@h hash=<secret pw sha256:0123456789ab"
      + " | rabbitmq_password_hash openstack> <not a secret>"
    var calls = 0
    let out = try SecretPlaceholder.substitute(in: Array(text.utf8)) { name in
      calls += 1
      #expect(name == "pw")
      return Array("hunter2".utf8)
    }
    let hash = SecretTransform.rabbitMQPasswordHash(
      password: Array("hunter2".utf8), seed: "openstack")
    #expect(String(decoding: out, as: UTF8.self) == "user:hunter2@h hash=\(hash) <not a secret>")
    #expect(calls == 1)
  }

  /// RabbitMQ's own scheme: base64(salt ‖ SHA-256(salt ‖ password)), 4-byte salt.
  @Test func rabbitMQHashHasRabbitMQsShape() throws {
    let hash = SecretTransform.rabbitMQPasswordHash(password: Array("guest".utf8), seed: "guest")
    let decoded = try #require(AgeBase64.decodePadded(Array(hash.utf8)))
    #expect(decoded.count == 36)
    #expect(
      hash == SecretTransform.rabbitMQPasswordHash(password: Array("guest".utf8), seed: "guest"))
    #expect(
      hash != SecretTransform.rabbitMQPasswordHash(password: Array("guest".utf8), seed: "other"))
  }

  @Test func unknownTransformIsANamedError() {
    let reference = SecretReference(
      name: "pw", fingerprint: "0123456789ab",
      transforms: [SecretTransform(name: "rot13", arguments: [])])
    #expect(throws: SecretError.self) { try reference.complete(with: Array("x".utf8)) }
  }

  @Test func revealChecksFingerprintsAndDecrypts() throws {
    let identity = AgeIdentity.generate()
    let file = try Age.encrypt(Array("v4lue".utf8), to: [identity.recipient], armor: true)
    let fingerprint = SecretPlaceholder.fingerprint(ofEncryptedFile: file)
    let content = Array("k=<secret s sha256:\(fingerprint)>".utf8)
    let out = try SecretPlaceholder.reveal(
      in: content, encryptedFiles: ["s": file], identities: [identity])
    #expect(out == Array("k=v4lue".utf8))
    let other = try Age.encrypt(Array("v4lue".utf8), to: [identity.recipient], armor: true)
    #expect(throws: SecretError.self) {
      try SecretPlaceholder.reveal(
        in: content, encryptedFiles: ["s": other], identities: [identity])
    }
    #expect(throws: SecretError.self) {
      try SecretPlaceholder.reveal(
        in: content, encryptedFiles: ["s": file], identities: [AgeIdentity.generate()])
    }
    #expect(throws: SecretError.self) {
      try SecretPlaceholder.reveal(in: content, encryptedFiles: [:], identities: [identity])
    }
  }

  @Test func fingerprintIsTwelveHexDigitsOfSHA256() {
    #expect(SecretPlaceholder.fingerprint(ofEncryptedFile: Array("abc".utf8)) == "ba7816bf8f01")
  }
}
