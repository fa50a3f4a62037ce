import Foundation
import KilnCompiler

/// A second approver's signatures over an already sealed bundle: a DSSE signature appended to
/// the envelope and a minisign co-signature binding the same trusted comment (design §6).
public enum BundleCoSigner {
  /// The co-signed envelope and the new minisign signature for `input`, signed by `key`.
  /// Refuses when the envelope's statement names another archive or `key` already signed it.
  public static func cosign(_ input: BundleInput, key: SigningKey) throws(BundleRejection)
    -> (envelope: DSSEEnvelope, minisign: MinisignSignature)
  {
    let name = "\(input.archiveName).dsse.json"
    guard let bytes = input.envelope else {
      throw BundleRejection(
        .missingSignature, "no \(name) beside the bundle: co-signing extends a sealed bundle")
    }
    var envelope = try DSSEEnvelope(parsing: bytes, name: name)
    guard let payload = envelope.payloadBytes,
      let statement = try? JSONDecoder().decode(InTotoStatement.self, from: Data(payload))
    else {
      throw BundleRejection(.malformedSignature, "\(name): payload is not a Kiln in-toto statement")
    }
    let sha256 = Digest.sha256Hex(input.archive)
    guard statement.subject.contains(where: { $0.digest["sha256"] == sha256 }) else {
      throw BundleRejection(
        .digestMismatch,
        "\(input.archiveName) has sha256 \(sha256), the statement names another digest",
        hint: "never co-sign an archive other than the one the pipeline sealed")
    }
    guard !envelope.signatures.contains(where: { $0.keyid == key.publicKey.keyID }) else {
      throw BundleRejection(
        .factsDisagree, "\(name) already carries a signature by this key",
        hint: "a co-signature needs a second, distinct key")
    }
    envelope.append(signatureBy: key)
    let minisign = MinisignSignature(
      blake2bDigest: BLAKE2b.hash(input.archive),
      trustedComment: statement.predicate.trustedComment, key: key)
    return (envelope, minisign)
  }
}
