import KilnDiagnostics

/// What `kiln import kolla` reads: an existing kolla-ansible deployment's files.
public struct KollaImportOptions: Sendable {
  /// The Ansible inventory (INI or YAML), file or directory.
  public var inventory: String
  /// `globals.yml`.
  public var globals: String
  /// `passwords.yml`, if secrets are imported.
  public var passwords: String?
  /// The `node_custom_config` directory (`/etc/kolla/config`), if any.
  public var configDirectory: String?
  /// The Kiln environment to create.
  public var environment: String
  /// A Kiln repository whose `templates/` the imported repository gets.
  public var templatesFrom: String?
  /// Encrypts passwords (required when `passwords` is set).
  public var sealer: (any SecretSealing)?
  /// The age recipients written to `env.yaml` `secrets.recipients`.
  public var recipients: [String]

  /// Options for importing `inventory` and `globals` into `environment`.
  public init(
    inventory: String, globals: String, passwords: String? = nil, configDirectory: String? = nil,
    environment: String, templatesFrom: String? = nil, sealer: (any SecretSealing)? = nil,
    recipients: [String] = []
  ) {
    self.inventory = inventory
    self.globals = globals
    self.passwords = passwords
    self.configDirectory = configDirectory
    self.environment = environment
    self.templatesFrom = templatesFrom
    self.sealer = sealer
    self.recipients = recipients
  }
}

/// Converts a kolla-ansible deployment into a Kiln repository (in memory; nothing is written).
public enum KollaImporter {
  /// The name of the overlay that carries the imported `node_custom_config` tree.
  public static let overlayName = "kolla-config"

  /// The repository files and the report; throws located errors (bad input, missing options).
  public static func run(_ options: KollaImportOptions) throws(ImportError) -> (
    files: RepositoryFiles, report: ImportReport
  ) {
    if options.passwords != nil && options.sealer == nil {
      throw ImportError(
        ImportDiagnostics.usage, "a passwords file needs at least one --recipient",
        at: options.passwords.map { .file($0) },
        hint: "pass --recipient age1… (an age public key) to encrypt the passwords to")
    }
    let env = "environments/\(options.environment)"
    var files = RepositoryFiles()
    var report = ImportReport()
    var (inventory, notes) = try InventoryReading.read([options.inventory])
    report.diagnostics += notes
    let globals = try GlobalsConversion(
      text: try InputFiles.text(options.globals), file: options.globals)
    report.diagnostics += globals.diagnostics
    var extraVariables = globals.variables
    var secretCount = 0
    if let path = options.passwords, let sealer = options.sealer {
      let passwords = try PasswordsConversion(
        text: try InputFiles.text(path), file: path, sealer: sealer)
      report.diagnostics += passwords.diagnostics
      extraVariables += passwords.variables
      files.add("\(env)/group_vars/all/passwords.yaml", text: passwords.referencesText)
      for secret in passwords.secrets {
        files.add(RepositoryFile(path: "\(env)/secrets/\(secret.name).age", bytes: secret.bytes))
      }
      secretCount = passwords.secrets.count
    }
    report.diagnostics += InventoryCleanup.apply(to: &inventory, extraVariables: extraVariables)
    for file in InventoryFiles.files(for: inventory, in: env, source: options.inventory) {
      files.add(file)
    }
    files.add(
      "\(env)/group_vars/all/globals.yaml",
      text: "# Imported from \(options.globals) by `kiln import`.\n" + globals.text)
    recordInventory(
      inventory, globals: globals.variables.count, source: options.inventory, in: &report)
    if secretCount > 0 || options.passwords != nil {
      report.record(
        "secrets", secretCount,
        "\(env)/secrets/*.age (age, \(options.recipients.count) recipient(s))")
    }
    var services: [ServiceFiles] = []
    if let repository = options.templatesFrom {
      let templates = try TemplateCopy.files(from: repository)
      templates.files.forEach { files.add($0) }
      services = templates.services
      report.record("services", services.count, "templates/ copied from \(repository)")
    }
    if let directory = options.configDirectory {
      let overlay = try ConfigOverlay.files(
        from: directory, overlay: overlayName, environment: options.environment)
      overlay.forEach { files.add($0) }
      let paths = try InputFiles.files(under: directory)
      report.record("overrides", paths.count, "overlays/\(overlayName)/config (node_custom_config)")
      report.diagnostics += ConfigOverlay.unrendered(
        paths, directory: directory, services: services, hosts: Set(inventory.hosts.map(\.name)))
    }
    files.add("kiln.yaml", text: "kiln: 1\ndefault-env: \(options.environment)\n")
    files.add(
      "\(env)/env.yaml",
      text: EnvironmentFile.text(
        source: "kolla-ansible (\(options.inventory))", inherits: [],
        overlays: options.configDirectory == nil ? [] : [overlayName],
        recipients: options.passwords == nil ? [] : options.recipients))
    return (files, report)
  }

  private static func recordInventory(
    _ inventory: ImportedInventory, globals: Int, source: String, in report: inout ImportReport
  ) {
    let groups = inventory.groups.filter { $0.name != "all" && $0.name != "ungrouped" }
    report.record("hosts", inventory.hosts.count, "from \(source)")
    report.record("groups", groups.count, "from \(source)")
    let groupVariables = inventory.groups.reduce(0) { $0 + $1.variables.count }
    let hostVariables = inventory.hosts.reduce(0) { $0 + $1.variables.count }
    report.record(
      "variables", groupVariables + hostVariables + globals,
      "\(globals) from globals, \(groupVariables) group, \(hostVariables) host")
  }
}

/// `env.yaml` for an imported environment.
enum EnvironmentFile {
  static func text(source: String, inherits: [String], overlays: [String], recipients: [String])
    -> String
  {
    var text = "# Imported from \(source) by `kiln import`.\n"
    text += "inherits: [\(inherits.joined(separator: ", "))]\n"
    if !overlays.isEmpty { text += "overlays: [\(overlays.joined(separator: ", "))]\n" }
    if !recipients.isEmpty {
      text += "secrets:\n  recipients: [\(recipients.joined(separator: ", "))]\n"
    }
    return text
  }
}
