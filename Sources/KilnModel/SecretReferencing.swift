import KilnDiagnostics

/// Supplies the text a `!secret NAME` value evaluates to. The compiler answers with a
/// placeholder that names the secret and the fingerprint of its encrypted file, never the value;
/// without one, a reference evaluates to `<secret NAME>`.
public protocol SecretReferencing: Sendable {
  /// The text standing for secret `name` in the environment whose chain (base first) is
  /// `chain`; throws a located diagnostic when the secret cannot be referenced there.
  func placeholder(forSecret name: String, chain: [String], at location: SourceLocation?)
    throws(Diagnostic) -> String
}
