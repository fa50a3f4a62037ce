import KilnDiagnostics

/// What `kiln import kayobe` reads.
public struct KayobeImportOptions: Sendable {
  /// kayobe's configuration directory (`etc/kayobe`).
  public var configPath: String
  /// A Kiln repository whose `templates/` the imported repository gets.
  public var templatesFrom: String?
  /// Encrypts `kolla/passwords.yml` values (required when a plain passwords file exists).
  public var sealer: (any SecretSealing)?
  /// The age recipients written to `env.yaml` `secrets.recipients`.
  public var recipients: [String]

  /// Options for importing `configPath`.
  public init(
    configPath: String, templatesFrom: String? = nil, sealer: (any SecretSealing)? = nil,
    recipients: [String] = []
  ) {
    self.configPath = configPath
    self.templatesFrom = templatesFrom
    self.sealer = sealer
    self.recipients = recipients
  }

  /// Whether the configuration holds a `kolla/passwords.yml` in clear (not ansible-vault), which
  /// needs recipients to import.
  public var hasPlainPasswords: Bool {
    var directories = [configPath]
    let environments = "\(configPath)/environments"
    directories += InputFiles.entries(of: environments).map { "\(environments)/\($0)" }
    return directories.contains { directory in
      let path = "\(directory)/kolla/passwords.yml"
      guard InputFiles.exists(path), let text = try? InputFiles.text(path) else { return false }
      return !text.hasPrefix("$ANSIBLE_VAULT")
    }
  }
}

/// Converts a kayobe configuration into a Kiln repository (in memory). The configuration's top
/// level becomes environment `base`; each `environments/<name>/` becomes environment `<name>`
/// inheriting its `.kayobe-environment` `dependencies:` (or `base`). In each: `*.yml` become
/// `group_vars/all/<name>.yaml`, `inventory/` becomes `inventory.yaml` with `group_vars/` and
/// `host_vars/` (their files kept as text), `kolla/config/` an overlay, and `bios_config`/
/// `raid_config` firmware overrides.
public enum KayobeImporter {
  /// The Kiln environment holding kayobe's top-level configuration.
  public static let baseEnvironment = "base"

  /// The repository files and the report; throws located errors for bad input.
  public static func run(_ options: KayobeImportOptions) throws(ImportError) -> (
    files: RepositoryFiles, report: ImportReport
  ) {
    let root = options.configPath
    guard InputFiles.isDirectory(root) else {
      throw ImportError(
        ImportDiagnostics.unreadable, "\(root) is not a directory", at: .file(root),
        hint: "pass kayobe's configuration directory (etc/kayobe) with --config-path")
    }
    var files = RepositoryFiles()
    var report = ImportReport()
    if options.hasPlainPasswords && options.sealer == nil {
      throw ImportError(
        ImportDiagnostics.usage, "kolla/passwords.yml needs at least one --recipient",
        at: .file(root), hint: "pass --recipient age1… (an age public key) to encrypt them to")
    }
    var layer = KayobeLayer(
      files: files, report: report, firmware: false, sealer: options.sealer,
      recipients: options.recipients)
    try layer.convert(directory: root, environment: baseEnvironment, inherits: [])
    let environmentsDirectory = "\(root)/environments"
    var names: [String] = []
    for name in InputFiles.entries(of: environmentsDirectory)
    where InputFiles.isDirectory("\(environmentsDirectory)/\(name)") && !name.hasPrefix(".") {
      let directory = "\(environmentsDirectory)/\(name)"
      let dependencies = try KayobeEnvironmentFile.dependencies(in: directory)
      try layer.convert(
        directory: directory, environment: name,
        inherits: dependencies.isEmpty ? [baseEnvironment] : dependencies)
      names.append(name)
    }
    layer.reportUnplacedHostVars(placed: layer.placedHosts)
    files = layer.files
    report = layer.report
    if layer.firmware { files.add(KayobeFirmware.profile) }
    if let repository = options.templatesFrom {
      let templates = try TemplateCopy.files(from: repository)
      templates.files.forEach { files.add($0) }
      report.record("services", templates.services.count, "templates/ copied from \(repository)")
    }
    report.record(
      "environments", names.count + 1,
      "base" + names.map { ", \($0)" }.joined() + " (inherits from .kayobe-environment)")
    files.add("kiln.yaml", text: "kiln: 1\ndefault-env: \(names.last ?? baseEnvironment)\n")
    return (files, report)
  }
}

/// `.kayobe-environment`: a YAML mapping whose `dependencies:` lists environment names.
enum KayobeEnvironmentFile {
  static func dependencies(in directory: String) throws(ImportError) -> [String] {
    let path = "\(directory)/.kayobe-environment"
    guard InputFiles.exists(path) else { return [] }
    let root = try GlobalsConversion.mapping(try InputFiles.text(path), file: path)
    guard let node = root["dependencies"] else { return [] }
    if node.isNull { return [] }
    guard let items = node.sequenceItems else {
      throw ImportError(
        ImportDiagnostics.kayobeConstruct, "'dependencies' must be a list of environment names",
        at: node.location, hint: "write dependencies: [name, …]")
    }
    var names: [String] = []
    for item in items {
      guard let name = item.string, !name.isEmpty else {
        throw ImportError(
          ImportDiagnostics.kayobeConstruct, "a dependency must be an environment name",
          at: item.location)
      }
      names.append(name)
    }
    return names
  }
}
