import KilnDiagnostics

/// Converts one kayobe configuration directory (the top level or one environment) into one
/// Kiln environment, accumulating files and report lines.
struct KayobeLayer {
  var files: RepositoryFiles
  var report: ImportReport
  /// Whether some layer had firmware variables (the minimal profile is then written).
  var firmware: Bool
  /// Base `host_vars` files of hosts the base inventory does not list (kayobe lets the
  /// environments add them; Kiln wants host_vars where the host is): host → source paths.
  var deferredHostVars: [(host: String, path: String)] = []
  /// Hosts whose deferred host_vars found an environment.
  var placedHosts: Set<String> = []
  /// Encrypts `kolla/passwords.yml` values.
  var sealer: (any SecretSealing)?
  /// Recipients written to env.yaml when an environment has secrets.
  var recipients: [String]
  /// Whether the environment being converted got secrets (env.yaml then names recipients).
  var hasSecrets = false
  /// What kayobe's configuration directories hold besides what is imported.
  static let known: Set<String> = ["inventory", "kolla", "environments", ".kayobe-environment"]

  mutating func convert(directory: String, environment: String, inherits: [String])
    throws(ImportError)
  {
    let env = "environments/\(environment)"
    hasSecrets = false
    var variables = 0
    for name in InputFiles.entries(of: directory)
    where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
      let path = "\(directory)/\(name)"
      guard !InputFiles.isDirectory(path) else { continue }
      variables += try variablesFile(path, to: "\(env)/group_vars/all/\(stem(name)).yaml")
    }
    let inventoryDirectory = "\(directory)/inventory"
    let hasInventory = InputFiles.isDirectory(inventoryDirectory)
    if hasInventory {
      let (inventory, notes) = try InventoryReading.read([inventoryDirectory])
      report.diagnostics += notes
      for file in InventoryFiles.files(for: inventory, in: env, source: inventoryDirectory) {
        files.add(file)
      }
      report.record("hosts", inventory.hosts.count, "environment \(environment)")
      try placeDeferredHostVars(for: inventory, in: env)
      report.record(
        "groups", inventory.groups.filter { $0.name != "all" && $0.name != "ungrouped" }.count,
        "environment \(environment)")
      let hosts = Set(inventory.hosts.map(\.name))
      for kind in ["group_vars", "host_vars"] {
        variables += try variableDirectory(
          "\(inventoryDirectory)/\(kind)", to: "\(env)/\(kind)",
          deferring: kind == "host_vars" && inherits.isEmpty ? hosts : nil)
      }
    } else {
      files.add("\(env)/inventory.yaml", text: "all: {}\n")
    }
    report.record("variables", variables, "environment \(environment) (top-level names)")
    variables += try kollaGlobals(directory: directory, env: env)
    reportUnknownEntries(in: directory)
    var overlays: [String] = []
    let configDirectory = "\(directory)/kolla/config"
    if InputFiles.isDirectory(configDirectory) {
      let overlay = "\(environment)-kolla-config"
      try ConfigOverlay.files(from: configDirectory, overlay: overlay, environment: environment)
        .forEach { files.add($0) }
      report.record(
        "overrides", try InputFiles.files(under: configDirectory).count,
        "overlays/\(overlay)/config")
      overlays.append(overlay)
    }
    files.add(
      "\(env)/env.yaml",
      text: EnvironmentFile.text(
        source: "kayobe (\(directory))", inherits: inherits, overlays: overlays,
        recipients: hasSecrets ? recipients : []))
  }

  /// `kolla/globals.yml`: kolla globals kayobe passes through, as `group_vars/all`.
  private mutating func kollaGlobals(directory: String, env: String) throws(ImportError) -> Int {
    let path = "\(directory)/kolla/globals.yml"
    var count = 0
    if InputFiles.exists(path) {
      count += try variablesFile(path, to: "\(env)/group_vars/all/kolla-globals.yaml")
    }
    count += try passwords(directory: directory, env: env)
    for name in InputFiles.entries(of: "\(directory)/kolla")
    where !["globals.yml", "passwords.yml", "config"].contains(name) {
      report.diagnostics.append(notImported("\(directory)/kolla/\(name)"))
    }
    return count
  }

  /// `kolla/passwords.yml` as age secrets of the environment (an ansible-vault file is
  /// reported, not imported); returns how many passwords it converted.
  private mutating func passwords(directory: String, env: String) throws(ImportError) -> Int {
    let path = "\(directory)/kolla/passwords.yml"
    guard InputFiles.exists(path) else { return 0 }
    let text = try InputFiles.text(path)
    guard !text.hasPrefix("$ANSIBLE_VAULT"), let sealer else {
      reportVaultEncrypted(path)
      return 0
    }
    let conversion = try PasswordsConversion(text: text, file: path, sealer: sealer)
    report.diagnostics += conversion.diagnostics
    files.add("\(env)/group_vars/all/passwords.yaml", text: conversion.referencesText)
    for secret in conversion.secrets {
      files.add(RepositoryFile(path: "\(env)/secrets/\(secret.name).age", bytes: secret.bytes))
    }
    report.record("secrets", conversion.secrets.count, "\(env)/secrets/*.age")
    hasSecrets = true
    return conversion.variables.count
  }

  /// Entries of a kayobe directory that are neither variables files nor known directories.
  private mutating func reportUnknownEntries(in directory: String) {
    for name in InputFiles.entries(of: directory)
    where !Self.known.contains(name) && !name.hasSuffix(".yml") && !name.hasSuffix(".yaml") {
      report.diagnostics.append(notImported("\(directory)/\(name)"))
    }
  }

  private func notImported(_ path: String) -> Diagnostic {
    Diagnostic(
      id: ImportDiagnostics.kayobeConstruct, severity: .warning,
      message: "not a kayobe construct kiln imports (variables files, inventory/, kolla/config, "
        + "kolla/globals.yml, environments/); not imported", location: .file(path))
  }

  /// Writes deferred base host_vars of `inventory`'s hosts into this environment, below its
  /// own (`host_vars/<host>/00-base-<file>.yaml`).
  private mutating func placeDeferredHostVars(for inventory: ImportedInventory, in env: String)
    throws(ImportError)
  {
    let hosts = Set(inventory.hosts.map(\.name))
    for (host, path) in deferredHostVars where hosts.contains(host) {
      placedHosts.insert(host)
      let name = path.split(separator: "/").last.map(String.init) ?? host
      _ = try variablesFile(path, to: "\(env)/host_vars/\(host)/00-base-\(stem(name)).yaml")
    }
  }

  /// Reports deferred base host_vars that no environment's inventory lists.
  mutating func reportUnplacedHostVars(placed: Set<String>) {
    for (host, path) in deferredHostVars where !placed.contains(host) {
      report.diagnostics.append(
        Diagnostic(
          id: ImportDiagnostics.kayobeConstruct, severity: .warning,
          message: "host_vars for '\(host)', a host no inventory lists; not imported",
          location: .file(path)))
    }
  }

  /// `group_vars/<name>` or `host_vars/<name>`, each a file or a directory of files; with
  /// `deferring`, host_vars of hosts outside that set wait for an environment that lists them.
  private mutating func variableDirectory(
    _ directory: String, to target: String, deferring hosts: Set<String>?
  ) throws(ImportError) -> Int {
    guard InputFiles.isDirectory(directory) else { return 0 }
    var count = 0
    for name in InputFiles.entries(of: directory) where !name.hasPrefix(".") {
      let path = "\(directory)/\(name)"
      if let hosts, !hosts.contains(stem(name)) {
        let sources =
          InputFiles.isDirectory(path)
          ? try InputFiles.files(under: path).map { "\(path)/\($0)" } : [path]
        deferredHostVars += sources.map { (stem(name), $0) }
        continue
      }
      if InputFiles.isDirectory(path) {
        for file in try InputFiles.files(under: path) where !file.hasPrefix(".") {
          count += try variablesFile("\(path)/\(file)", to: "\(target)/\(name)/\(stem(file)).yaml")
        }
      } else {
        count += try variablesFile(path, to: "\(target)/\(stem(name)).yaml")
      }
    }
    return count
  }

  /// Notes that `path` is encrypted with ansible-vault and was left out.
  private mutating func reportVaultEncrypted(_ path: String) {
    report.diagnostics.append(
      Diagnostic(
        id: ImportDiagnostics.kayobeConstruct, severity: .warning,
        message: "encrypted with ansible-vault; not imported", location: .file(path),
        hint: "decrypt it and import its values with `kiln secret set`"))
  }

  /// One variables file, kept as text (with firmware variables converted); returns how many
  /// top-level variables it sets.
  private mutating func variablesFile(_ path: String, to target: String) throws(ImportError) -> Int
  {
    let text = try InputFiles.text(path)
    if text.hasPrefix("$ANSIBLE_VAULT") {
      reportVaultEncrypted(path)
      return 0
    }
    let conversion = try GlobalsConversion(
      text: text, file: path, extracting: KayobeFirmware.variables)
    report.diagnostics += conversion.diagnostics
    var output = "# Imported from \(path) by `kiln import`.\n" + conversion.text
    if !conversion.extracted.isEmpty {
      let firmware = KayobeFirmware.convert(conversion.extracted)
      report.diagnostics += firmware.notes
      if !firmware.text.isEmpty {
        output += firmware.text
        self.firmware = true
        report.record("firmware overrides", conversion.extracted.count, path)
      }
    }
    files.add(target, text: output)
    return conversion.variables.count + conversion.extracted.count
  }

  private func stem(_ name: String) -> String {
    for suffix in [".yml", ".yaml"] where name.hasSuffix(suffix) {
      return String(name.dropLast(suffix.count))
    }
    return name
  }
}
