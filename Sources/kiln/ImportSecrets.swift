import KilnDiagnostics
import KilnImport

/// The age encryption an import uses for passwords.
enum ImportSecrets {
  /// A sealer for `recipients`, nil when no passwords are imported; a usage error when
  /// passwords are imported without recipients.
  static func sealer(recipients: [String], needed: Bool, file: String?) throws(DiagnosticsError)
    -> (any SecretSealing)?
  {
    guard needed else { return nil }
    guard !recipients.isEmpty else {
      throw DiagnosticsError([
        Diagnostic(
          id: ImportDiagnostics.usage, message: "a passwords file needs at least one --recipient",
          location: file.map { .file($0) },
          hint: "pass --recipient age1… (an age public key) to encrypt the passwords to")
      ])
    }
    throw DiagnosticsError([
      Diagnostic(
        id: ImportDiagnostics.usage, message: "this build of kiln cannot encrypt with age yet",
        location: file.map { .file($0) }, hint: "import without --passwords")
    ])
  }
}
