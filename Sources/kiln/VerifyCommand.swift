import ArgumentParser
import Foundation
import KilnBundle
import KilnExecutor

/// `kiln verify`: check a bundle's signatures, policy and digests.
struct VerifyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check a bundle's signatures, trust policy and digests.",
    discussion: """
      Reads FILE, FILE.dsse.json, FILE.minisig and co-signatures FILE.<signer>.minisig. \
      With --state DIR (an executor's state directory) the version must be above the last one \
      applied to the bundle's environment; the same version and digest again is accepted. \
      Exit 3 with the reason when the bundle is rejected; exit 2 for usage errors.
      """)

  @Argument(help: "The bundle file (NAME.kiln).")
  var bundle: String

  @Option(name: .customLong("trust"), help: "The trust policy (YAML).")
  var trust: String

  @Option(name: .customLong("env"), help: "Require the bundle to be for this environment.")
  var environment: String?

  @Flag(
    name: .customLong("rerender"),
    help: "Re-render the source commit from the repository and require identical files.")
  var rerender = false

  @Option(
    name: .customLong("state"),
    help: "An executor state directory: require a version above its last applied one.")
  var state: String?

  @Option(
    name: [.customShort("C"), .customLong("repository")], help: "The repository for --rerender.")
  var repository: String = "."

  func run() async throws {
    let policyBytes: [UInt8]
    let input: BundleInput
    do {
      policyBytes = try Array(Data(contentsOf: URL(fileURLWithPath: trust)))
    } catch {
      throw ValidationError("--trust \(trust): cannot read the file")
    }
    let policy = try TrustPolicy(yaml: policyBytes, file: trust)
    guard FileManager.default.fileExists(atPath: bundle) else {
      throw ValidationError("\(bundle): no such bundle file")
    }
    do {
      let started = Date()
      input = try BundleFiles.read(bundle, limit: policy.maxBundleBytes)
      var verifier = BundleVerifier(policy: policy, expectedEnvironment: environment)
      if let state {
        do {
          verifier.appliedByEnvironment = try StateDirectory(path: state).applied()
        } catch {
          throw ValidationError("--state \(state): \(error.message)")
        }
      }
      let verified = try verifier.verify(input)
      if rerender {
        _ = try await BundleSealer.rerender(
          verified, archive: input.archive, repositoryPath: repository)
      }
      Terminal.output(
        "verified \(bundle): env \(verified.facts.env), version \(verified.facts.version), "
          + "commit \(verified.facts.commit), \(verified.manifest.files.count) files, signed by "
          + verified.signers.joined(separator: ", ") + (rerender ? ", re-rendered identically" : "")
      )
      Terminal.output(String(format: "took %.2f s", Date().timeIntervalSince(started)))
    } catch let rejection as BundleRejection {
      Terminal.error(rejection.description)
      throw KilnExit(code: 3)
    }
  }
}
