import ArgumentParser
import KilnBundle

/// `kiln keygen`: create an Ed25519 signing key pair.
struct KeygenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keygen",
    abstract: "Create an Ed25519 signing key pair for sealing bundles.",
    discussion: """
      Writes NAME.key (mode 0600; minisign's unencrypted secret key format), NAME.pub (minisign \
      public key, for the trust policy and `minisign -V`) and NAME.pub.json (securesystemslib \
      key with its keyid, for in-toto tooling).
      """)

  @Option(name: .customLong("out"), help: "Path and base name of the key files.")
  var name: String

  @Flag(name: .customLong("force"), help: "Replace an existing NAME.key.")
  var force = false

  func run() throws {
    let key = SigningKey()
    let paths: [String]
    do {
      paths = try BundleFiles.writeKeyPair(key, name: name, force: force)
    } catch {
      Terminal.error("error: \(error)")
      throw KilnExit(code: 2)
    }
    Terminal.output("wrote \(paths.joined(separator: ", "))")
    Terminal.output("public key: \(key.publicKey.minisignBase64)")
    Terminal.output("keyid: \(key.publicKey.keyID)")
  }
}
