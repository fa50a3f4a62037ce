import KilnDiagnostics

/// Diagnostic IDs of secrets (the `KLN65x` block of the secrets and bundles family).
public enum SecretDiagnostics {
  /// A `!secret NAME` whose `environments/<env>/secrets/NAME.age` exists nowhere in the chain.
  public static let missingSecret: DiagnosticID = "KLN650"
  /// A secret referenced or written in an environment that names no recipients.
  public static let noRecipients: DiagnosticID = "KLN651"
  /// A malformed `secrets:` section in env.yaml (or a bad recipient in it).
  public static let invalidConfiguration: DiagnosticID = "KLN652"
  /// A secret file that cannot be decrypted (wrong identity, damaged or tampered file).
  public static let undecryptable: DiagnosticID = "KLN653"
  /// A bad secret name, identity file or value given on the command line.
  public static let invalidInput: DiagnosticID = "KLN654"
  /// A template changed a secret placeholder (e.g. `| upper`): it cannot be completed at install.
  public static let transformedPlaceholder: DiagnosticID = "KLN655"
}
