import ArgumentParser
import Foundation
import KilnCompiler
import KilnDiagnostics
import KilnSecrets

/// `kiln secret`: age-encrypted secrets in `environments/<env>/secrets/<name>.age`.
struct SecretCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "secret",
    abstract: "Set, re-encrypt and fingerprint age-encrypted secrets.",
    discussion: """
      Secrets live in environments/<env>/secrets/<name>.age, encrypted with age to the \
      environment's secrets.recipients and secrets.executor (env.yaml) and to those of every \
      environment that inherits it. Values reference them with `!secret name`; render, diff, \
      explain and check show <secret name sha256:…> (the digest of the encrypted file), never \
      the value.
      """,
    subcommands: [SecretSetCommand.self, SecretRekeyCommand.self, SecretFingerprintCommand.self])
}

/// Options shared by the `kiln secret` subcommands.
struct SecretOptions: ParsableArguments {
  @Option(name: .customLong("env"), help: "The environment whose secrets directory is used.")
  var environment: String

  @Option(name: [.customShort("C"), .customLong("repository")], help: "The repository directory.")
  var repository: String = "."
}

/// Reads age identity files for the commands that decrypt.
enum IdentityFiles {
  /// The identities in the files at `paths`; errors name the file, never a key.
  static func load(_ paths: [String]) throws(DiagnosticsError) -> [AgeIdentity] {
    var identities: [AgeIdentity] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw DiagnosticsError(
          Diagnostic(
            id: SecretDiagnostics.invalidInput, message: "cannot read identity file \(path)",
            location: .file(path), hint: "pass an age identity file (age-keygen writes one)"))
      }
      do {
        identities += try AgeIdentity.parseFile(String(decoding: data, as: UTF8.self))
      } catch {
        throw DiagnosticsError(
          Diagnostic(
            id: SecretDiagnostics.invalidInput, message: "\(path): \(error.message)",
            location: .file(path), hint: "pass an age identity file (age-keygen writes one)"))
      }
    }
    return identities
  }
}
