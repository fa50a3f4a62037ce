import KilnDiagnostics
import KilnImport

/// The age encryption an import uses for passwords.
enum ImportSecrets {
  /// A sealer for `recipients`, nil when no passwords are imported; a usage error (exit 2)
  /// when passwords are imported without recipients or with a malformed one.
  static func sealer(recipients: [String], needed: Bool, file: String?) throws(DiagnosticsError)
    -> (any SecretSealing)?
  {
    guard needed else { return nil }
    do {
      return try AgeSealer(parsing: recipients)
    } catch {
      throw DiagnosticsError(
        error.diagnostics.map { diagnostic in
          var located = diagnostic
          located.location = located.location ?? file.map { .file($0) }
          return located
        })
    }
  }
}
