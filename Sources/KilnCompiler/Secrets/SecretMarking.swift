import KilnDiagnostics
import KilnSecrets

extension RenderedFile {
  /// The file marked secret when it carries secret placeholders (or its service declares it
  /// secret), and then readable by its owner only: group and other permission bits cleared
  /// (`0640` becomes `0600`, `0400` stays).
  func markingSecrets() -> RenderedFile {
    var file = self
    if !file.isSecret, !SecretPlaceholder.references(in: file.contents).isEmpty {
      file.isSecret = true
    }
    if file.isSecret { file.mode &= 0o7700 }
    return file
  }
}

extension RenderedFile {
  /// A diagnostic when a template changed a secret placeholder (`| upper`, `| replace`, …):
  /// only verbatim placeholders and recorded transforms can be completed at install.
  func transformedSecretPlaceholder() -> Diagnostic? {
    let needle = Array("<secret ".utf8)
    var verbatim: Set<Int>? = nil
    var index = contents.startIndex
    while let start = contents[index...].firstIndex(of: needle[0]) {
      index = start + 1
      guard start + needle.count <= contents.endIndex,
        (1..<needle.count).allSatisfy({ Self.lowercased(contents[start + $0]) == needle[$0] })
      else { continue }
      let placeholders =
        verbatim ?? Set(SecretPlaceholder.references(in: contents).map(\.range.lowerBound))
      verbatim = placeholders
      guard !placeholders.contains(start) else { continue }
      return Diagnostic(
        id: SecretDiagnostics.transformedPlaceholder,
        message:
          "\(path) uses a secret inside an expression Kiln cannot complete at install (a "
          + "filter changed its placeholder)",
        location: .file("templates/\(service)/service.yaml"),
        hint: "use the secret verbatim or with rabbitmq_password_hash(seed); other filters "
          + "would see the placeholder, not the value")
    }
    return nil
  }

  /// `byte` with ASCII capitals made small.
  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5a).contains(byte) ? byte | 0x20 : byte
  }
}

extension ParallelRenderer.Outcome {
  /// The outcome with secret-bearing files marked and owner-only, and a failure for every file
  /// whose secret placeholder a template changed.
  func checkingSecrets() -> ParallelRenderer.Outcome {
    var checked = self
    checked.files = files.map { $0.markingSecrets() }
    checked.failures += files.compactMap { $0.transformedSecretPlaceholder() }
    return checked
  }
}

extension CompileResult {
  /// The result with every secret placeholder replaced by its value, decrypted with
  /// `identities` (`render --reveal`): the explicit local opt-in to see secrets in clear.
  /// Errors name the secret, never its value.
  public func revealingSecrets(
    catalog: SecretCatalog, chain: [String], identities: [AgeIdentity]
  ) throws(DiagnosticsError) -> CompileResult {
    let encrypted: [String: [UInt8]]
    do {
      encrypted = try catalog.encryptedFiles(for: files, chain: chain)
    } catch {
      throw DiagnosticsError(error)
    }
    var revealed = self
    for index in revealed.files.indices where revealed.files[index].isSecret {
      do {
        revealed.files[index].contents = try SecretPlaceholder.reveal(
          in: revealed.files[index].contents, encryptedFiles: encrypted, identities: identities)
      } catch {
        throw DiagnosticsError(
          Diagnostic(
            id: SecretDiagnostics.undecryptable,
            message: "cannot reveal \(error) (in \(files[index].host):\(files[index].path))",
            location: .file(
              (try? catalog.file(named: error.secret, chain: chain).path) ?? "environments"),
            hint: "pass an identity that is one of the secret's recipients (--identity FILE); "
              + "re-encrypt with `kiln secret set` if the file is damaged"))
      }
    }
    return revealed
  }
}
