import KilnDiagnostics

/// Converts one kayobe configuration directory (the top level or one environment) into one
/// Kiln environment, accumulating files and report lines.
struct KayobeLayer {
  var files: RepositoryFiles
  var report: ImportReport
  /// Whether some layer had firmware variables (the minimal profile is then written).
  var firmware: Bool

  mutating func convert(directory: String, environment: String, inherits: [String])
    throws(ImportError)
  {
    let env = "environments/\(environment)"
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
      report.record(
        "groups", inventory.groups.filter { $0.name != "all" && $0.name != "ungrouped" }.count,
        "environment \(environment)")
      for kind in ["group_vars", "host_vars"] {
        variables += try variableDirectory("\(inventoryDirectory)/\(kind)", to: "\(env)/\(kind)")
      }
    } else {
      files.add("\(env)/inventory.yaml", text: "all: {}\n")
    }
    report.record("variables", variables, "environment \(environment) (top-level names)")
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
        source: "kayobe (\(directory))", inherits: inherits, overlays: overlays, recipients: []))
  }

  /// `group_vars/<name>` or `host_vars/<name>`, each a file or a directory of files.
  private mutating func variableDirectory(_ directory: String, to target: String)
    throws(ImportError) -> Int
  {
    guard InputFiles.isDirectory(directory) else { return 0 }
    var count = 0
    for name in InputFiles.entries(of: directory) where !name.hasPrefix(".") {
      let path = "\(directory)/\(name)"
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

  /// One variables file, kept as text (with firmware variables converted); returns how many
  /// top-level variables it sets.
  private mutating func variablesFile(_ path: String, to target: String) throws(ImportError) -> Int
  {
    let text = try InputFiles.text(path)
    if text.hasPrefix("$ANSIBLE_VAULT") {
      report.diagnostics.append(
        Diagnostic(
          id: ImportDiagnostics.kayobeConstruct, severity: .warning,
          message: "encrypted with ansible-vault; not imported", location: .file(path),
          hint: "decrypt it and import its values with `kiln secret set`"))
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
