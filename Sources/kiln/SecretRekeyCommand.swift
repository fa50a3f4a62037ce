import ArgumentParser
import KilnCompiler

/// `kiln secret rekey --env E --identity FILE`: re-encrypt every secret of an environment.
struct SecretRekeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rekey",
    abstract: "Re-encrypt every secret of an environment to its current recipients.",
    discussion: """
      Run after changing secrets.recipients or secrets.executor. Decrypts each \
      environments/<env>/secrets/*.age with --identity (one of the current recipients) and \
      writes nothing unless every file decrypts.
      """)

  @OptionGroup var options: SecretOptions

  @Option(
    name: .customLong("identity"), help: "An age identity file that can decrypt (repeatable).")
  var identities: [String] = []

  func run() throws {
    guard !identities.isEmpty else {
      throw ValidationError("rekey needs --identity FILE (an identity that can decrypt)")
    }
    let writer = try SecretWriter(root: options.repository)
    let paths = try writer.rekey(
      environment: options.environment, identities: IdentityFiles.load(identities))
    for path in paths { Terminal.output("rekeyed \(path)") }
    Terminal.output("\(paths.count) secret(s) re-encrypted")
  }
}
