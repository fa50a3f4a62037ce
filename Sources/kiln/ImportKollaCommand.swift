import ArgumentParser
import KilnDiagnostics
import KilnImport

/// `kiln import kolla`: a kolla-ansible inventory, globals, passwords and config overrides.
struct ImportKollaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kolla",
    abstract: "Import a kolla-ansible deployment (inventory, globals.yml, passwords.yml, config).",
    discussion: """
      The inventory (INI or YAML, read as Ansible reads it) becomes \
      environments/<env>/inventory.yaml with group_vars/ and host_vars/; globals.yml becomes \
      group_vars/all/globals.yaml; passwords.yml becomes age secrets \
      (environments/<env>/secrets/<name>.age, referenced with !secret); the config directory \
      becomes the overlay kolla-config, kept byte for byte as a node_custom_config tree.
      """)

  @Option(name: .customLong("inventory"), help: "The Ansible inventory (INI or YAML).")
  var inventory: String

  @Option(name: .customLong("globals"), help: "kolla-ansible's globals.yml.")
  var globals: String

  @Option(name: .customLong("passwords"), help: "kolla-ansible's passwords.yml.")
  var passwords: String?

  @Option(name: .customLong("config-dir"), help: "The node_custom_config directory.")
  var configDirectory: String?

  @Option(name: .customLong("env"), help: "The environment to create.")
  var environment: String

  @OptionGroup var output: ImportOutputOptions

  func run() throws {
    try output.checkDestination()
    let sealer = try ImportSecrets.sealer(
      recipients: output.recipients, needed: passwords != nil, file: passwords)
    let options = KollaImportOptions(
      inventory: inventory, globals: globals, passwords: passwords,
      configDirectory: configDirectory, environment: environment,
      templatesFrom: output.templatesFrom, sealer: sealer, recipients: output.recipients)
    let result: (files: RepositoryFiles, report: ImportReport)
    do {
      result = try KollaImporter.run(options)
    } catch {
      throw DiagnosticsError(error.diagnostics)
    }
    try output.finish(result)
  }
}
