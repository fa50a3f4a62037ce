import ArgumentParser
import Foundation
import KilnBundle

/// `kiln seal`: compile one environment at a commit into a signed, reproducible bundle.
struct SealCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "seal",
    abstract: "Compile an environment at a commit and write a signed, reproducible bundle.",
    discussion: """
      Writes FILE.kiln (deterministic ustar: files/<host>/<path> and manifest.json), \
      FILE.kiln.dsse.json (DSSE envelope over an in-toto Statement v1) and FILE.kiln.minisig \
      (minisign). The same commit always gives a byte-identical FILE.kiln. Refuses a working \
      tree with uncommitted changes (outside .kiln/).
      """)

  @Option(
    name: .customLong("env"), help: "The environment to seal (default: kiln.yaml's default-env).")
  var environment: String?

  @Option(name: .customLong("rev"), help: "The commit to seal (branch, tag, id, HEAD).")
  var revision: String

  @Option(name: [.customShort("C"), .customLong("repository")], help: "The repository directory.")
  var repository: String = "."

  @Option(name: .customLong("key"), help: "Secret key file from `kiln keygen` (NAME.key).")
  var keyPath: String

  @Option(name: .customLong("version"), help: "Bundle version (default: the commit's time).")
  var version: UInt64?

  @Option(
    name: .customLong("expires"),
    help:
      "Expiry: a duration (7d, 12h, 30m) or a date (2026-12-31 or 2026-12-31T12:00:00Z). Default 30d."
  )
  var expires: String = "30d"

  @Option(
    name: .customLong("repository-name"),
    help: "Repository identity recorded in the signatures (default: the directory's name).")
  var repositoryName: String?

  @Option(name: .customLong("out"), help: "The bundle file, e.g. prod-42.kiln.")
  var output: String

  func run() async throws {
    guard let expiry = ExpiryOption.date(expires, now: Date()) else {
      throw ValidationError(
        "--expires '\(expires)': expected 7d, 12h, 30m, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
    }
    let key: SigningKey
    do {
      key = try SigningKey(secretKeyFile: String(contentsOfFile: keyPath, encoding: .utf8))
    } catch {
      throw ValidationError("--key \(keyPath): \(error)")
    }
    let name =
      repositoryName ?? URL(fileURLWithPath: repository).standardizedFileURL.lastPathComponent
    let options = BundleSealer.Options(
      environment: environment, revision: revision, version: version, expires: expiry,
      repositoryName: name, kilnVersion: KilnVersion.current,
      archiveName: URL(fileURLWithPath: output).lastPathComponent)
    let started = Date()
    let bundle = try await BundleSealer.seal(repositoryPath: repository, options: options, key: key)
    try BundleFiles.write(bundle, to: output)
    let seconds = Date().timeIntervalSince(started)
    Terminal.output(
      "sealed \(output): env \(bundle.facts.env), \(bundle.fileCount) files, \(bundle.archive.count) bytes, "
        + "sha256 \(bundle.sha256)")
    Terminal.output("trusted comment: \(bundle.facts.trustedComment)")
    Terminal.output(String(format: "took %.2f s", seconds))
  }
}

/// Parses `--expires`: a duration from now or an absolute UTC date.
enum ExpiryOption {
  static func date(_ text: String, now: Date) -> Date? {
    if let unit = text.last, let count = Double(text.dropLast()), count > 0 {
      let seconds: Double? = ["d": 86400, "h": 3600, "m": 60, "s": 1][unit]
      if let seconds { return now.addingTimeInterval(count * seconds) }
    }
    if let date = PolicyFacts.parseTimestamp(text) { return date }
    return PolicyFacts.parseTimestamp(text + "T00:00:00Z")
  }
}
