import ArgumentParser
import KilnCompiler
import KilnSecrets

/// `kiln secret fingerprint --env E NAME`: the placeholder a secret renders as.
struct SecretFingerprintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fingerprint",
    abstract: "Print the placeholder a secret renders as, and the file it comes from.",
    discussion: """
      The fingerprint is the SHA-256 of the encrypted file (first 12 hex digits): it needs no \
      key and changes whenever the file is rewritten.
      """)

  @OptionGroup var options: SecretOptions

  @Argument(help: "The secret's name.")
  var name: String

  func run() throws {
    let file = try SecretWriter(root: options.repository).file(
      name, environment: options.environment)
    let reference = SecretReference(name: name, fingerprint: file.fingerprint)
    Terminal.output("\(reference)  \(file.path)")
  }
}
