import ArgumentParser
import KilnExecutor

/// `kiln apply --identity FILE`: the resolver that reveals secret files at install.
enum ApplySecrets {
  /// The resolver for the identity at `identityPath`, or nil when none was given.
  static func resolver(identityPath: String?) throws -> (any SecretResolver)? {
    guard let identityPath else { return nil }
    throw ValidationError(
      "--identity \(identityPath): this build has no age support yet (the secrets module is "
        + "not merged)")
  }
}
