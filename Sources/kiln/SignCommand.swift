import ArgumentParser
import Foundation
import KilnBundle

/// `kiln sign`: a second approver co-signs a sealed bundle.
struct SignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sign",
    abstract: "Co-sign a sealed bundle with another key.",
    discussion: """
      Appends this key's DSSE signature to FILE.dsse.json and writes FILE.<KEYID>.minisig, a \
      minisign signature with the sealed trusted comment. Both count once for this key toward \
      the trust policy's threshold. The stock `minisign -S -t "<trusted comment>"` works too.
      """)

  @Argument(help: "The bundle file (NAME.kiln).")
  var bundle: String

  @Option(name: .customLong("key"), help: "Secret key file from `kiln keygen` (NAME.key).")
  var keyPath: String

  func run() throws {
    let key: SigningKey
    do {
      key = try SigningKey(secretKeyFile: String(contentsOfFile: keyPath, encoding: .utf8))
    } catch {
      throw ValidationError("--key \(keyPath): \(error)")
    }
    guard FileManager.default.fileExists(atPath: bundle) else {
      throw ValidationError("\(bundle): no such bundle file")
    }
    do {
      let input = try BundleFiles.read(bundle, limit: TrustPolicy.defaultMaxBundleBytes)
      let signed = try BundleCoSigner.cosign(input, key: key)
      let minisignPath = "\(bundle).\(key.publicKey.minisignKeyID).minisig"
      try Data(signed.envelope.json.utf8).write(
        to: URL(fileURLWithPath: bundle + ".dsse.json"), options: .atomic)
      try Data(signed.minisign.fileText.utf8).write(
        to: URL(fileURLWithPath: minisignPath), options: .atomic)
      Terminal.output(
        "co-signed \(bundle): \(signed.envelope.signatures.count) DSSE signatures, wrote "
          + minisignPath)
    } catch let rejection as BundleRejection {
      Terminal.error(rejection.description)
      throw KilnExit(code: 3)
    }
  }
}
