import KilnDiagnostics
import KilnGit
import KilnModel
import KilnSecrets
import Synchronization

/// The age-encrypted secrets of a repository (`environments/<env>/secrets/<name>.age`): finds
/// the file a `!secret` reference means along the environment chain, and answers with its
/// placeholder. It never decrypts.
public final class SecretCatalog: SecretReferencing {
  /// Where the repository is read from.
  public let source: any SourceTree
  /// The loaded repository.
  public let repository: KilnRepository
  private let found = Mutex<[String: SecretFile]>([:])
  /// Placeholders already made, by chain and name: every host of an environment asks for the
  /// same few.
  private let placeholders = Mutex<[String: String]>([:])

  /// One located secret file.
  public struct SecretFile: Sendable, Hashable {
    /// The secret's name.
    public var name: String
    /// The environment whose directory holds the file.
    public var environment: String
    /// The path in the repository (`environments/base/secrets/db.age`).
    public var path: String
    /// The encrypted bytes, exactly as stored.
    public var encrypted: [UInt8]
    /// The placeholder fingerprint of the file.
    public var fingerprint: String { SecretPlaceholder.fingerprint(ofEncryptedFile: encrypted) }
  }

  /// A catalog over `repository` read from `source`.
  public init(source: any SourceTree, repository: KilnRepository) {
    self.source = source
    self.repository = repository
  }

  /// The key under which results for secret `name` and `chain` are remembered.
  private static func memoKey(_ name: String, chain: [String]) -> String {
    chain.joined(separator: "\u{0}") + "\u{1}" + name
  }

  /// The path of secret `name` in `environment`'s directory.
  public static func path(of name: String, in environment: String) -> String {
    "environments/\(environment)/secrets/\(name).age"
  }

  /// The file that secret `name` resolves to for an environment with `chain` (base first):
  /// the most specific environment that has one wins.
  public func file(named name: String, chain: [String], at location: SourceLocation? = nil)
    throws(Diagnostic) -> SecretFile
  {
    let key = Self.memoKey(name, chain: chain)
    if let known = found.withLock({ $0[key] }) { return known }
    guard SecretReference.isValidName(name) else {
      throw Diagnostic(
        id: SecretDiagnostics.invalidInput,
        message: "'\(name)' is not a valid secret name", location: location,
        hint: "secret names use letters, digits, '_', '-' and '.'")
    }
    for environment in chain.reversed() {
      let path = Self.path(of: name, in: environment)
      let bytes: [UInt8]?
      do {
        bytes = try source.readFile(path)
      } catch {
        throw error.diagnostic
      }
      if let bytes {
        let file = SecretFile(name: name, environment: environment, path: path, encrypted: bytes)
        found.withLock { $0[key] = file }
        return file
      }
    }
    throw Diagnostic(
      id: SecretDiagnostics.missingSecret,
      message:
        "secret '\(name)' has no encrypted file in the chain "
        + chain.reversed().map { Self.path(of: name, in: $0) }.joined(separator: ", "),
      location: location,
      hint: "create it with `kiln secret set --env \(chain.last ?? "ENV") \(name)`")
  }

  /// `<secret NAME sha256:…>` for a reference in an environment with `chain`; the environment
  /// must name at least one recipient.
  public func placeholder(forSecret name: String, chain: [String], at location: SourceLocation?)
    throws(Diagnostic) -> String
  {
    let key = Self.memoKey(name, chain: chain)
    if let known = placeholders.withLock({ $0[key] }) { return known }
    let file = try file(named: name, chain: chain, at: location)
    let environment = chain.last ?? file.environment
    let configuration = try SecretsConfiguration.effective(for: environment, in: repository)
    guard !configuration.allRecipients.isEmpty else {
      throw Diagnostic(
        id: SecretDiagnostics.noRecipients,
        message:
          "secret '\(name)' is referenced in environment \(environment), which names no "
          + "secrets recipients",
        location: location,
        hint: "add secrets: {recipients: [age1…], executor: age1…} to "
          + "environments/\(environment)/env.yaml")
    }
    let placeholder = SecretReference(name: name, fingerprint: file.fingerprint).description
    placeholders.withLock { $0[key] = placeholder }
    return placeholder
  }

  /// The encrypted files of every secret named by placeholders in `files`, by name.
  public func encryptedFiles(for files: [RenderedFile], chain: [String]) throws(Diagnostic)
    -> [String: [UInt8]]
  {
    var names = Set<String>()
    for file in files where file.isSecret {
      names.formUnion(SecretPlaceholder.names(in: file.contents))
    }
    var result: [String: [UInt8]] = [:]
    for name in names.sorted() { result[name] = try self.file(named: name, chain: chain).encrypted }
    return result
  }
}
