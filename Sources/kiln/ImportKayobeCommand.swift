import ArgumentParser
import KilnDiagnostics
import KilnImport

/// `kiln import kayobe`: a kayobe configuration with its environments.
struct ImportKayobeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kayobe",
    abstract: "Import a kayobe configuration (etc/kayobe) with its environments.",
    discussion: """
      The top level becomes environment base; each environments/<name>/ becomes environment \
      <name>, inheriting the dependencies its .kayobe-environment lists (or base). bios_config \
      and raid_config become firmware overrides (firmware_bios_attributes, \
      firmware_raid_logical_disks) selecting a minimal profile.
      """)

  @Option(name: .customLong("config-path"), help: "kayobe's configuration directory.")
  var configPath: String

  @OptionGroup var output: ImportOutputOptions

  func run() throws {
    try output.checkDestination()
    var options = KayobeImportOptions(
      configPath: configPath, templatesFrom: output.templatesFrom, recipients: output.recipients)
    options.sealer = try ImportSecrets.sealer(
      recipients: output.recipients,
      needed: options.hasPlainPasswords || !output.recipients.isEmpty,
      file: configPath + "/kolla/passwords.yml")
    let result: (files: RepositoryFiles, report: ImportReport)
    do {
      result = try KayobeImporter.run(options)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
    try output.finish(result)
  }
}
