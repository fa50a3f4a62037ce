import ArgumentParser
import KilnDiagnostics
import KilnImport

/// `kiln import`: adopt an existing kolla-ansible or kayobe deployment.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Convert an existing kolla-ansible or kayobe deployment into a Kiln repository.",
    discussion: """
      The new repository is written to --out (which must not exist or be empty) only when the \
      whole import succeeds. It prints what it converted and what it could not, each with \
      file:line. Exit codes: 0 everything imported, 1 something was skipped (listed), 2 bad \
      input or options (nothing written).
      """,
    subcommands: [ImportKollaCommand.self, ImportKayobeCommand.self])
}

/// Options every import takes.
struct ImportOutputOptions: ParsableArguments {
  @Option(name: .customLong("out"), help: "The new repository's directory (absent or empty).")
  var out: String

  @Option(
    name: .customLong("templates-from"),
    help: "A Kiln repository whose templates/ the new repository gets (copied byte for byte).")
  var templatesFrom: String?

  @Option(
    name: .customLong("recipient"),
    help: "An age recipient (age1…) to encrypt passwords to (repeatable; needed with passwords).")
  var recipients: [String] = []
}

extension ImportOutputOptions {
  /// Writes `result` and prints its report; exits 1 when something was skipped.
  func finish(_ result: (files: RepositoryFiles, report: ImportReport)) throws {
    do {
      try RepositoryOutput.write(result.files, to: out)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
    Terminal.output(result.report.text(destination: out), newline: false)
    if result.report.hasSkipped { throw KilnExit(code: 1) }
  }

  /// Fails early when `--out` cannot receive the repository.
  func checkDestination() throws {
    do {
      try RepositoryOutput.checkDestination(out)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
  }
}
