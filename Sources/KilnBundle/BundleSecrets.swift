import KilnCompiler
import KilnDiagnostics
import KilnSecrets

/// The `secrets/<name>.age` entries of a bundle (design §9): for every secret a sealed file's
/// placeholders name, its encrypted file exactly as in git (encrypted to `secrets.executor`
/// among others), which the executor decrypts at install.
public enum BundleSecrets {
  /// The archive path of secret `name`.
  public static func archivePath(of name: String) -> String { "secrets/\(name).age" }

  /// Whether an archive path lies in the secrets folder.
  public static func isSecretPath(_ path: String) -> Bool { path.hasPrefix("secrets/") }

  /// The encrypted files the compiled `result` needs; the environment must name an executor.
  public static func files(for result: CompileResult, compiler: EnvironmentCompiler)
    throws(DiagnosticsError) -> [String: [UInt8]]
  {
    do throws(Diagnostic) {
      let files = try compiler.secrets.encryptedFiles(
        for: result.files, chain: compiler.environment.chain)
      if !files.isEmpty {
        let configuration = try SecretsConfiguration.effective(
          for: compiler.environment.name, in: compiler.repository)
        guard configuration.executor != nil else {
          throw Diagnostic(
            id: SecretDiagnostics.noRecipients,
            message:
              "environment \(compiler.environment.name) uses secrets ("
              + files.keys.sorted().joined(separator: ", ") + ") but names no secrets.executor",
            location: .file("environments/\(compiler.environment.name)/env.yaml"),
            hint: "add secrets.executor: age1… (the executor's recipient) and run "
              + "`kiln secret rekey --env ENV --identity FILE`")
        }
      }
      return files
    } catch {
      throw DiagnosticsError(error)
    }
  }

  /// The archive entries for `files` (name → encrypted bytes).
  static func entries(_ files: [String: [UInt8]]) -> [TarEntry] {
    files.keys.sorted().map { name in
      TarEntry(path: archivePath(of: name), mode: 0o644, contents: files[name] ?? [])
    }
  }

  /// Checks the `secrets/` entries of an archive: exactly the secrets the manifest's secret
  /// files name, each matching the fingerprint its placeholders carry.
  static func check(entries: [TarEntry], manifest: BundleManifest) throws(BundleRejection) {
    var wanted: [String: String] = [:]
    for file in manifest.files where file.secret {
      let path = BundleManifest.archivePath(host: file.host, path: file.path)
      guard let entry = entries.first(where: { $0.path == path }) else { continue }
      for (_, reference) in SecretPlaceholder.references(in: entry.contents) {
        wanted[reference.name] = reference.fingerprint
      }
    }
    for entry in entries where isSecretPath(entry.path) {
      let name = String(entry.path.dropFirst("secrets/".count).dropLast(".age".count))
      guard entry.path.hasSuffix(".age"), let fingerprint = wanted.removeValue(forKey: name),
        SecretPlaceholder.fingerprint(ofEncryptedFile: entry.contents) == fingerprint
      else {
        throw BundleRejection(
          .manifestMismatch,
          "'\(entry.path)' is not the encrypted file any placeholder of the bundle names")
      }
    }
    if let missing = wanted.keys.sorted().first {
      throw BundleRejection(
        .manifestMismatch,
        "the bundle's files name secret '\(missing)' but it has no "
          + archivePath(of: missing))
    }
  }
}
