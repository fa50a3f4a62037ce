import Foundation
import KilnDiagnostics
import KilnGit
import KilnModel
import KilnSecrets

/// Writes and re-encrypts the secrets of a working tree (`kiln secret set|rekey|fingerprint`).
///
/// A secret file in environment E is encrypted to E's recipients and executor, and to those of
/// every environment that inherits E, so that each environment that can reference it (secrets
/// are inherited along the chain) can be installed by its executor. Files are ASCII-armored so
/// that git shows them as text.
public struct SecretWriter: Sendable {
  /// The repository directory.
  public let root: String
  /// The repository as loaded from the working tree.
  public let repository: KilnRepository
  let catalog: SecretCatalog

  /// Loads the working tree at `root`.
  public init(root: String) throws(DiagnosticsError) {
    self.root = root
    let source = WorkingTreeSource(root: root)
    repository = try KilnRepository.load(from: source)
    catalog = SecretCatalog(source: source, repository: repository)
  }

  /// The recipients a secret file of `environment` is encrypted to; an error when there are
  /// none.
  public func recipients(for environment: String) throws(DiagnosticsError) -> [AgeRecipient] {
    try requireEnvironment(environment)
    var recipients = Set<AgeRecipient>()
    do {
      for candidate in repository.environments
      where (repository.chain(of: candidate.name) ?? []).contains(environment) {
        let configuration = try SecretsConfiguration.effective(
          for: candidate.name, in: repository)
        recipients.formUnion(configuration.allRecipients)
      }
    } catch {
      throw DiagnosticsError(error)
    }
    guard !recipients.isEmpty else {
      throw DiagnosticsError(
        Diagnostic(
          id: SecretDiagnostics.noRecipients,
          message: "environment \(environment) names no secrets recipients",
          location: .file("environments/\(environment)/env.yaml"),
          hint: "add secrets: {recipients: [age1…], executor: age1…} to its env.yaml"))
    }
    return recipients.sorted { $0.encoded < $1.encoded }
  }

  /// Encrypts `value` as secret `name` of `environment` (overwriting); returns the path.
  @discardableResult
  public func set(_ name: String, value: [UInt8], environment: String) throws(DiagnosticsError)
    -> String
  {
    guard SecretReference.isValidName(name) else {
      throw DiagnosticsError(
        Diagnostic(
          id: SecretDiagnostics.invalidInput, message: "'\(name)' is not a valid secret name",
          hint: "secret names use letters, digits, '_', '-' and '.'"))
    }
    guard !value.isEmpty else {
      throw DiagnosticsError(
        Diagnostic(
          id: SecretDiagnostics.invalidInput, message: "the value for secret '\(name)' is empty",
          hint: "pipe the value on standard input or type it at the prompt"))
    }
    let file = try encrypt(value, name: name, to: recipients(for: environment))
    let path = SecretCatalog.path(of: name, in: environment)
    try write([(path, file)])
    return path
  }

  /// Re-encrypts every secret of `environment` to its current recipients, decrypting with
  /// `identities`; writes nothing unless every file decrypts. Returns the paths rewritten.
  public func rekey(environment: String, identities: [AgeIdentity]) throws(DiagnosticsError)
    -> [String]
  {
    let recipients = try recipients(for: environment)
    var rewritten: [(String, [UInt8])] = []
    for name in try names(in: environment) {
      let path = SecretCatalog.path(of: name, in: environment)
      let value: [UInt8]
      do {
        value = try Age.decrypt(try readFile(path), identities: identities)
      } catch let error as AgeError {
        throw DiagnosticsError(
          Diagnostic(
            id: SecretDiagnostics.undecryptable,
            message: "cannot decrypt secret '\(name)': \(error.message)", location: .file(path),
            hint: "pass an identity that is one of its current recipients (--identity FILE)"))
      } catch {
        throw DiagnosticsError(error as? Diagnostic ?? Self.ioFailure(path, error))
      }
      rewritten.append((path, try encrypt(value, name: name, to: recipients)))
    }
    try write(rewritten)
    return rewritten.map(\.0)
  }

  /// The secret file `name` resolves to in `environment` (searching its chain).
  public func file(_ name: String, environment: String) throws(DiagnosticsError)
    -> SecretCatalog.SecretFile
  {
    try requireEnvironment(environment)
    do {
      return try catalog.file(named: name, chain: repository.chain(of: environment) ?? [])
    } catch {
      throw DiagnosticsError(error)
    }
  }

  /// The names of the secrets stored in `environment`'s own directory, sorted.
  public func names(in environment: String) throws(DiagnosticsError) -> [String] {
    try requireEnvironment(environment)
    let directory = "\(root)/environments/\(environment)/secrets"
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return entries.filter { $0.hasSuffix(".age") }.map { String($0.dropLast(4)) }.sorted()
  }

  private func requireEnvironment(_ environment: String) throws(DiagnosticsError) {
    guard repository.environment(named: environment) != nil else {
      throw DiagnosticsError(
        EnvironmentCompiler.unknown(
          "environment", environment, known: repository.environments.map(\.name),
          in: "the repository"))
    }
  }

  private func encrypt(_ value: [UInt8], name: String, to recipients: [AgeRecipient])
    throws(DiagnosticsError) -> [UInt8]
  {
    do {
      return try Age.encrypt(value, to: recipients, armor: true)
    } catch {
      throw DiagnosticsError(
        Diagnostic(
          id: SecretDiagnostics.invalidConfiguration,
          message: "cannot encrypt secret '\(name)': \(error.message)"))
    }
  }

  private func readFile(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(path)")))
  }

  /// Writes every file beside its target, then renames each into place.
  private func write(_ files: [(String, [UInt8])]) throws(DiagnosticsError) {
    var staged: [(String, String)] = []
    do {
      for (path, bytes) in files {
        let target = "\(root)/\(path)"
        try FileManager.default.createDirectory(
          atPath: (target as NSString).deletingLastPathComponent,
          withIntermediateDirectories: true)
        let temporary = target + ".kiln-new"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        staged.append((temporary, target))
      }
      for (temporary, target) in staged where rename(temporary, target) != 0 {
        throw Self.ioFailure(target, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO))
      }
    } catch {
      for (temporary, _) in staged { try? FileManager.default.removeItem(atPath: temporary) }
      throw DiagnosticsError(error as? Diagnostic ?? Self.ioFailure(root, error))
    }
  }

  private static func ioFailure(_ path: String, _ error: any Error) -> Diagnostic {
    Diagnostic(
      id: "KLN011", message: "cannot write \(path): \(error.localizedDescription)",
      location: .file(path), hint: "check the directory's permissions")
  }
}
