import KilnDiagnostics

/// Reads inventory sources into one inventory as Ansible does: a `.yml`/`.yaml`/`.json` file
/// with the `yaml` plugin, any other file with the `ini` plugin, a directory's files in sorted
/// order (skipping hidden files, backups and `group_vars`/`host_vars`).
public enum InventoryReading {
  /// The inventory of `paths` (files or directories) and the notes the plugins produced.
  public static func read(_ paths: [String]) throws(ImportError) -> (
    inventory: ImportedInventory, notes: [Diagnostic]
  ) {
    var inventory = ImportedInventory()
    var notes: [Diagnostic] = []
    for path in paths {
      let files =
        InputFiles.isDirectory(path)
        ? InputFiles.entries(of: path).filter(isInventorySource).map { "\(path)/\($0)" }
          .filter { !InputFiles.isDirectory($0) }
        : [path]
      for file in files {
        let text = try InputFiles.text(file)
        if isYAML(file) {
          notes += try YAMLInventoryReader.parse(text, file: file, into: &inventory)
        } else {
          notes += try IniInventoryParser.parse(text, file: file, into: &inventory)
        }
      }
    }
    try checkNames(inventory)
    return (inventory, notes)
  }

  static func isYAML(_ path: String) -> Bool {
    path.hasSuffix(".yml") || path.hasSuffix(".yaml") || path.hasSuffix(".json")
  }

  /// Ansible's `INVENTORY_IGNORE_EXTS` and `INVENTORY_IGNORE_PATTERNS`, plus the variable dirs.
  static func isInventorySource(_ name: String) -> Bool {
    let ignored = [
      ".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst", ".orig", ".cfg",
      ".retry",
    ]
    return !name.hasPrefix(".") && !ignored.contains(where: name.hasSuffix)
      && name != "group_vars" && name != "host_vars"
  }

  /// Host and group names become file names (`host_vars/<host>.yaml`): no `/`, not `.`/`..`.
  private static func checkNames(_ inventory: ImportedInventory) throws(ImportError) {
    let named =
      inventory.hosts.map { ($0.name, $0.location, "host") }
      + inventory.groups.map { ($0.name, $0.location, "group") }
    for (name, location, kind) in named where name.contains("/") || name == "." || name == ".." {
      throw ImportError(
        ImportDiagnostics.unknownConstruct, "\(kind) name '\(name)' cannot be a file name in Kiln",
        at: location, hint: "rename the \(kind) in the inventory")
    }
  }
}
