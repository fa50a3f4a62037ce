import Foundation
import KilnCompiler

/// Verifies a bundle against a trust policy (design §6): signatures and policy first, then the
/// archive's structure and manifest.
public struct BundleVerifier: Sendable {
  /// The trust policy.
  public var policy: TrustPolicy
  /// The environment the caller means to apply to, if it says.
  public var expectedEnvironment: String?
  /// The time expiry is judged at.
  public var now: Date
  /// The last applied bundle, for anti-rollback.
  public var lastApplied: AppliedBundle?
  /// The last applied bundle per environment (an executor's state), for anti-rollback when the
  /// bundle's environment is known only from its signatures.
  public var appliedByEnvironment: [String: AppliedBundle] = [:]

  /// Creates a verifier.
  public init(
    policy: TrustPolicy, expectedEnvironment: String? = nil, now: Date = Date(),
    lastApplied: AppliedBundle? = nil
  ) {
    self.policy = policy
    self.expectedEnvironment = expectedEnvironment
    self.now = now
    self.lastApplied = lastApplied
  }

  /// Verifies `input`, or throws the first reason to reject it.
  public func verify(_ input: BundleInput) throws(BundleRejection) -> VerifiedBundle {
    guard input.archive.count <= policy.maxBundleBytes else {
      throw BundleRejection(
        .oversize,
        "\(input.archiveName) is \(input.archive.count) bytes, over max_bundle_bytes "
          + "\(policy.maxBundleBytes)")
    }
    guard input.envelope != nil || !input.minisigns.isEmpty else {
      throw BundleRejection(
        .missingSignature, "no \(input.archiveName).dsse.json or .minisig beside the bundle")
    }
    let sha256 = Digest.sha256Hex(input.archive)
    var collector = SignatureCollector(
      policy: policy, input: input, sha256: sha256, blake2b: BLAKE2b.hash(input.archive))
    try collector.collect()
    let (facts, signers) = try checkPolicy(collector)
    try checkFreshness(facts, sha256: sha256)
    let entries = try TarReader.entries(of: input.archive)
    let manifest = try BundleManifest.check(entries: entries, facts: facts)
    return VerifiedBundle(
      facts: facts, sha256: sha256, signers: signers, entries: entries, manifest: manifest)
  }

  private func checkPolicy(_ collector: SignatureCollector) throws(BundleRejection)
    -> (PolicyFacts, [String])
  {
    guard collector.unknownKeys.isEmpty, let facts = collector.attestations.first?.facts else {
      throw BundleRejection(
        .unknownKey,
        "signed by a key the trust policy does not know: "
          + collector.unknownKeys.joined(separator: ", "),
        hint: "add the signer's public key to the trust policy, or remove that signature")
    }
    if let other = collector.attestations.first(where: { $0.facts != facts }) {
      throw BundleRejection(
        .factsDisagree,
        "signatures disagree: \(other.form) by '\(other.key.name)' binds "
          + "'\(other.facts.trustedComment)', another '\(facts.trustedComment)'")
    }
    if let expected = expectedEnvironment, expected != facts.env {
      throw BundleRejection(
        .wrongEnvironment, "the bundle is for env '\(facts.env)', not '\(expected)'",
        hint: "a bundle sealed for one environment is never applied to another")
    }
    guard let threshold = policy.thresholds[facts.env] else {
      throw BundleRejection(
        .wrongEnvironment, "the trust policy sets no threshold for env '\(facts.env)'")
    }
    let allowed = collector.attestations.filter { $0.key.environments.contains(facts.env) }
    let signers = Set(allowed.map(\.key.name)).sorted()
    if signers.count >= threshold { return (facts, signers) }
    let refused = Set(collector.attestations.map(\.key.name)).subtracting(signers).sorted()
    if signers.isEmpty, !refused.isEmpty {
      throw BundleRejection(
        .keyNotAllowedForEnvironment,
        "\(refused.joined(separator: ", ")) may not sign for env '\(facts.env)'")
    }
    throw BundleRejection(
      .thresholdNotMet,
      "env '\(facts.env)' needs \(threshold) distinct trusted signatures, found \(signers.count)"
        + (signers.isEmpty ? "" : " (\(signers.joined(separator: ", ")))"),
      hint: "co-sign with another key allowed for '\(facts.env)'")
  }

  private func checkFreshness(_ facts: PolicyFacts, sha256: String) throws(BundleRejection) {
    guard let expiry = facts.expiryDate else {
      throw BundleRejection(.malformedSignature, "expiry '\(facts.expires)' is not a UTC timestamp")
    }
    guard now <= expiry else {
      throw BundleRejection(
        .expired, "the bundle expired at \(facts.expires)", hint: "seal a fresh bundle")
    }
    guard let last = lastApplied ?? appliedByEnvironment[facts.env] else { return }
    if facts.version < last.version || (facts.version == last.version && sha256 != last.sha256) {
      throw BundleRejection(
        .rollback,
        "version \(facts.version) is not above the last applied version \(last.version)",
        hint: "seal with a higher --version (pipelines pass their run number)")
    }
  }
}
