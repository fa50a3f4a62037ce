import Foundation
import KilnCompiler

/// One verified signature: which trusted key made it and the facts it binds.
struct Attestation {
  var key: TrustPolicy.Key
  var facts: PolicyFacts
  var form: String
}

/// Checks every signature of a bundle against the trusted keys, in both forms.
struct SignatureCollector {
  let policy: TrustPolicy
  let input: BundleInput
  let sha256: String
  let blake2b: [UInt8]
  var attestations: [Attestation] = []
  var unknownKeys: [String] = []

  mutating func collect() throws(BundleRejection) {
    if let envelope = input.envelope { try collectEnvelope(envelope) }
    for file in input.minisigns { try collectMinisign(file.name, file.text) }
  }

  private mutating func collectEnvelope(_ bytes: [UInt8]) throws(BundleRejection) {
    let name = "\(input.archiveName).dsse.json"
    let envelope = try DSSEEnvelope(parsing: bytes, name: name)
    guard envelope.payloadType == DSSEEnvelope.inTotoPayloadType else {
      throw BundleRejection(
        .wrongPayloadType,
        "\(name) has payloadType '\(envelope.payloadType)', not '\(DSSEEnvelope.inTotoPayloadType)'"
      )
    }
    guard let payload = envelope.payloadBytes, !envelope.signatures.isEmpty else {
      throw BundleRejection(.malformedSignature, "\(name): payload is not base64 or no signatures")
    }
    let pae = DSSEEnvelope.preAuthenticationEncoding(type: envelope.payloadType, body: payload)
    var verified: [TrustPolicy.Key] = []
    for signature in envelope.signatures {
      let keys = policy.keys.filter { $0.publicKey.keyID == signature.keyid }
      if keys.isEmpty {
        unknownKeys.append("keyid \(signature.keyid) (DSSE)")
        continue
      }
      guard let sig = Encoding.bytes(base64: signature.sig) else {
        throw BundleRejection(.malformedSignature, "\(name): a signature is not base64")
      }
      guard let key = keys.first(where: { $0.publicKey.isValidSignature(sig, for: pae) }) else {
        throw BundleRejection(
          .badSignature, "\(name): the signature by '\(keys[0].name)' does not verify",
          hint: "the envelope was altered; take the bundle from the pipeline again")
      }
      verified.append(key)
    }
    guard !verified.isEmpty else { return }
    let statement = try decodeStatement(payload, name: name)
    guard statement.subject.contains(where: { $0.digest["sha256"] == sha256 }) else {
      throw BundleRejection(
        .digestMismatch,
        "\(input.archiveName) has sha256 \(sha256), the signed statement names another digest",
        hint: "the archive was altered after sealing")
    }
    for key in verified {
      attestations.append(Attestation(key: key, facts: statement.predicate, form: "DSSE"))
    }
  }

  private func decodeStatement(_ payload: [UInt8], name: String) throws(BundleRejection)
    -> InTotoStatement
  {
    let decoded = try? JSONDecoder().decode(InTotoStatement.self, from: Data(payload))
    guard let decoded, decoded._type == InTotoStatement.type,
      decoded.predicateType == InTotoStatement.bundlePredicateType
    else {
      throw BundleRejection(.malformedSignature, "\(name): payload is not a Kiln in-toto statement")
    }
    return decoded
  }

  private mutating func collectMinisign(_ name: String, _ text: String) throws(BundleRejection) {
    let signature = try MinisignSignature(parsing: text, name: name)
    let keys = policy.keys.filter { $0.publicKey.keyNumber == signature.keyNumber }
    if keys.isEmpty {
      unknownKeys.append(
        "minisign key \(Digest.hex(signature.keyNumber.reversed()).uppercased()) (\(name))")
      return
    }
    guard let key = keys.first(where: { signature.isValid(for: blake2b, key: $0.publicKey) }) else {
      throw BundleRejection(
        .badSignature,
        "\(name): the signature by '\(keys[0].name)' does not match \(input.archiveName)",
        hint: "the archive or its signature was altered after sealing")
    }
    guard let facts = PolicyFacts(trustedComment: signature.trustedComment) else {
      throw BundleRejection(
        .malformedSignature,
        "\(name): the trusted comment does not carry Kiln's policy facts",
        hint: "co-sign with minisign -t \"<the trusted comment of the sealed .minisig>\"")
    }
    attestations.append(Attestation(key: key, facts: facts, form: "minisign"))
  }
}
