import KilnSecrets

/// Reveals secret files at install (`kiln apply --identity FILE`): each placeholder is checked
/// against the fingerprint of the release's `secrets/<name>.age`, decrypted with the executor's
/// age identity and substituted. Plaintext stays in memory until written as a 0600 file.
public struct AgeSecretResolver: SecretResolver {
  private let identities: [AgeIdentity]

  /// The identities of an age identity file (`age-keygen` format, `#` comments allowed).
  public init(identityFile text: String, path: String) throws(ExecutorError) {
    do {
      identities = try AgeIdentity.parseFile(text)
    } catch {
      throw ExecutorError(
        .secrets, "--identity \(path): \(error.message)",
        hint: "give the AGE-SECRET-KEY-1… file of the environment's secrets.executor recipient")
    }
    guard !identities.isEmpty else {
      throw ExecutorError(.secrets, "--identity \(path) holds no AGE-SECRET-KEY-1… line")
    }
  }

  /// `content` with every placeholder replaced by its decrypted value.
  public func reveal(_ content: [UInt8], release: Release) throws(ExecutorError) -> [UInt8] {
    var files: [String: [UInt8]] = [:]
    for name in SecretPlaceholder.names(in: content) where Self.isFileName(name) {
      files[name] = DurableFiles.read(release.directory + "/secrets/\(name).age")
    }
    do {
      return try SecretPlaceholder.reveal(
        in: content, encryptedFiles: files, identities: identities)
    } catch {
      throw ExecutorError(
        .secrets, "secret '\(error.secret)': \(error.message)",
        hint: "the bundle must carry secrets/<name>.age encrypted to this identity's recipient")
    }
  }

  /// Whether a placeholder may name a bundle file (the names the verifier accepts).
  static func isFileName(_ name: String) -> Bool {
    !name.isEmpty && !name.hasPrefix(".")
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
  }
}
