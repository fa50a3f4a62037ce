import Foundation
import KilnCompiler
import KilnDiagnostics
import KilnGit
import KilnModel

/// A sealed bundle: the archive and its two signature files.
public struct SealedBundle: Sendable {
  /// The archive bytes.
  public var archive: [UInt8]
  /// The facts every signature binds.
  public var facts: PolicyFacts
  /// The DSSE envelope over the in-toto statement.
  public var envelope: DSSEEnvelope
  /// The minisign signature.
  public var minisign: MinisignSignature
  /// Number of rendered files inside.
  public var fileCount: Int

  /// Hex SHA-256 of the archive.
  public var sha256: String { Digest.sha256Hex(archive) }
}

/// Seals one environment at one commit into a bundle (design §6).
public enum BundleSealer {
  /// Diagnostic: the working tree has uncommitted changes.
  public static let dirtyTree: DiagnosticID = "KLN602"
  /// Diagnostic: the archive cannot be written (a path too long for ustar).
  public static let unwritableArchive: DiagnosticID = "KLN603"

  /// What a seal needs beyond the repository.
  public struct Options: Sendable {
    /// The environment to compile.
    public var environment: String?
    /// The revision to read (required: a bundle always comes from a commit).
    public var revision: String
    /// Explicit version, else the commit's committer time.
    public var version: UInt64?
    /// When the bundle expires.
    public var expires: Date
    /// The repository's identity recorded in the facts.
    public var repositoryName: String
    /// The Kiln version recorded in the facts.
    public var kilnVersion: String
    /// The archive's file name (the statement's subject name).
    public var archiveName: String

    /// Creates the options.
    public init(
      environment: String?, revision: String, version: UInt64?, expires: Date,
      repositoryName: String, kilnVersion: String, archiveName: String
    ) {
      self.environment = environment
      self.revision = revision
      self.version = version
      self.expires = expires
      self.repositoryName = repositoryName
      self.kilnVersion = kilnVersion
      self.archiveName = archiveName
    }
  }

  /// Compiles the repository at `repositoryPath` at `options.revision` and signs it with `key`;
  /// refuses when the working tree has uncommitted changes outside `.kiln/`.
  public static func seal(repositoryPath: String, options: Options, key: SigningKey)
    async throws(DiagnosticsError) -> SealedBundle
  {
    let commit: GitCommit
    do {
      let repository = try GitRepository.open(at: repositoryPath)
      let dirty = try repository.dirtyPaths(excluding: [".kiln/"])
      if !dirty.isEmpty {
        throw DiagnosticsError(
          Diagnostic(
            id: dirtyTree,
            message: "the working tree has uncommitted changes: "
              + dirty.prefix(5).joined(separator: ", ") + (dirty.count > 5 ? ", …" : ""),
            hint: "commit or stash them; a bundle is sealed from a commit only"))
      }
      commit = try repository.resolve(options.revision)
    } catch let error as GitError {
      throw DiagnosticsError(error.diagnostic)
    } catch let error as DiagnosticsError {
      throw error
    } catch {
      throw DiagnosticsError(Diagnostic(id: dirtyTree, message: "\(error)"))
    }
    let compiler = try EnvironmentCompiler(
      repositoryPath: repositoryPath, revision: commit.id, environment: options.environment,
      assignments: [])
    let result = try await compiler.compile()
    let archive = try archive(
      of: result, commit: commit, secrets: BundleSecrets.files(for: result, compiler: compiler),
      supplements: try supplementaryEntries(for: compiler))
    let facts = PolicyFacts(
      env: result.environment, version: options.version ?? UInt64(max(0, commit.committerTime)),
      expires: PolicyFacts.timestamp(options.expires), commit: commit.id,
      repository: options.repositoryName, kiln: options.kilnVersion)
    return sign(
      archive: archive, facts: facts, name: options.archiveName, key: key,
      fileCount: result.files.count)
  }

  /// Signs `archive` with `key` in both forms.
  public static func sign(
    archive: [UInt8], facts: PolicyFacts, name: String, key: SigningKey, fileCount: Int
  ) -> SealedBundle {
    let statement = InTotoStatement(
      archiveName: name, sha256: Digest.sha256Hex(archive), facts: facts)
    let envelope = DSSEEnvelope(
      payload: statement.json, payloadType: DSSEEnvelope.inTotoPayloadType, key: key)
    let minisign = MinisignSignature(
      blake2bDigest: BLAKE2b.hash(archive), trustedComment: facts.trustedComment, key: key)
    return SealedBundle(
      archive: archive, facts: facts, envelope: envelope, minisign: minisign, fileCount: fileCount)
  }

  /// What a bundle carries besides the rendered files and secrets: `rollout.json` and the
  /// health scripts it names.
  public static func supplementaryEntries(for compiler: EnvironmentCompiler)
    throws(DiagnosticsError) -> [TarEntry]
  {
    try RolloutPlanReader.entries(for: compiler)
  }

  /// `files/<host>/<path>` for every file, then `manifest.json` listing them.
  public static func contentEntries(
    environment: String, source: String, files: [RenderedFile]
  ) -> [TarEntry] {
    var entries = files.map {
      TarEntry(
        path: BundleManifest.archivePath(host: $0.host, path: $0.path), mode: $0.mode,
        contents: $0.contents)
    }
    entries.append(
      TarEntry(
        path: "manifest.json", mode: 0o644,
        contents: Manifest.encode(environment: environment, source: source, files: files)))
    return entries
  }

  /// The deterministic archive of a compile result at `commit`: `files/<host>/<path>`,
  /// `manifest.json`, `secrets/<name>.age` (encrypted files by name) and `supplements`, every
  /// mtime the commit's committer time.
  public static func archive(
    of result: CompileResult, commit: GitCommit, secrets: [String: [UInt8]] = [:],
    supplements: [TarEntry] = []
  ) throws(DiagnosticsError) -> [UInt8] {
    let entries =
      BundleSecrets.entries(secrets) + supplements
      + contentEntries(
        environment: result.environment, source: "commit \(commit.id)", files: result.files)
    do {
      return try TarWriter.archive(entries, modificationTime: max(0, commit.committerTime))
    } catch {
      throw DiagnosticsError(
        Diagnostic(
          id: unwritableArchive, message: error.message,
          hint: "shorten the host name or destination path"))
    }
  }
}
