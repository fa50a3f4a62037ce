import KilnDiagnostics
import KilnYAML

/// Reads an Ansible YAML inventory as Ansible's `yaml` inventory plugin does: top-level
/// groups, each with `hosts` (pattern → variables), `vars` and `children` (nested groups).
/// Keys the plugin skips with a warning are reported, not imported.
public enum YAMLInventoryReader {
  /// Reads `text` (the contents of `file`) into `inventory`; returns notes about skipped keys.
  public static func parse(_ text: String, file: String, into inventory: inout ImportedInventory)
    throws(ImportError) -> [Diagnostic]
  {
    let root: YAMLNode
    do {
      root = try YAMLParser.parse(text, file: file).root
    } catch {
      throw ImportError([error.diagnostic])
    }
    guard let pairs = root.mappingPairs, !pairs.isEmpty else {
      throw ImportError(
        ImportDiagnostics.yamlInventory,
        root.isNull
          ? "Parsed empty YAML file"
          : "YAML inventory has invalid structure, it should be a dictionary, got \(root.kindName)",
        at: root.location, hint: "an inventory starts with 'all:' and its children, hosts, vars")
    }
    if root["plugin"] != nil {
      throw ImportError(
        ImportDiagnostics.yamlInventory, "Plugin configuration YAML file, not YAML inventory",
        at: root.location, hint: "export the inventory with 'ansible-inventory -y --list'")
    }
    var notes: [Diagnostic] = []
    for pair in pairs {
      _ = try group(pair.key, pair.value, into: &inventory, notes: &notes)
    }
    return notes
  }

  private static func skipped(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: ImportDiagnostics.unknownConstruct, severity: .warning, message: message,
      location: location)
  }

  private static func group(
    _ key: YAMLNode, _ node: YAMLNode, into inventory: inout ImportedInventory,
    notes: inout [Diagnostic]
  ) throws(ImportError) -> String? {
    let name = key.string ?? YAMLWriter.write(key).trimmingSuffixNewlines()
    guard node.isNull || node.mappingPairs != nil else {
      notes.append(skipped("'\(name)' is not a valid group definition; skipped", at: key.location))
      return nil
    }
    inventory.addGroup(name, at: key.location)
    for pair in node.mappingPairs ?? [] {
      let section = pair.key.string ?? ""
      let entries = try sectionEntries(pair, group: name)
      guard let entries else {
        notes.append(
          skipped(
            "key '\(section)' of group '\(name)' is not a mapping; skipped", at: pair.key.location))
        continue
      }
      switch section {
      case "vars":
        for entry in entries {
          inventory.setVariable(variable(entry), ofGroup: name)
        }
      case "children":
        for entry in entries {
          if let child = try group(entry.key, entry.value, into: &inventory, notes: &notes) {
            inventory.addChild(child, to: name, at: entry.key.location)
          }
        }
      case "hosts":
        for entry in entries { try hosts(entry, group: name, into: &inventory) }
      default:
        notes.append(
          skipped(
            "unexpected key '\(section)' in group '\(name)' (only vars, children and hosts are "
              + "valid); skipped", at: pair.key.location))
      }
    }
    return name
  }

  /// A section's entries: a string stands for `{string: null}`; nil when it is not a mapping.
  private static func sectionEntries(_ pair: YAMLPair, group: String) throws(ImportError)
    -> [YAMLPair]?
  {
    let section = pair.key.string ?? ""
    let isKnown = ["vars", "children", "hosts"].contains(section)
    if pair.value.isNull { return [] }
    if isKnown, case .scalar(let scalar) = pair.value.content, case .string = scalar.value {
      let null = YAMLNode(
        .scalar(YAMLScalar(text: "", style: .plain, value: .null)), location: pair.value.location)
      return [YAMLPair(key: pair.value, value: null)]
    }
    if let entries = pair.value.mappingPairs { return entries }
    if isKnown {
      throw ImportError(
        ImportDiagnostics.yamlInventory,
        "Invalid \"\(section)\" entry for \"\(group)\" group, requires a dictionary, found "
          + "\(pair.value.kindName) instead.", at: pair.value.location)
    }
    return nil
  }

  private static func variable(_ entry: YAMLPair) -> InventoryVariable {
    InventoryVariable(
      name: entry.key.string ?? YAMLWriter.write(entry.key).trimmingSuffixNewlines(),
      value: InventoryValue(yaml: entry.value), location: entry.key.location)
  }

  private static func hosts(
    _ entry: YAMLPair, group: String, into inventory: inout ImportedInventory
  )
    throws(ImportError)
  {
    let pattern = entry.key.string ?? YAMLWriter.write(entry.key).trimmingSuffixNewlines()
    let expanded: (hosts: [String], port: Int?)
    do {
      expanded = try HostPattern.expand(pattern)
    } catch {
      throw ImportError(ImportDiagnostics.hostPattern, error.message, at: entry.key.location)
    }
    guard entry.value.isNull || entry.value.mappingPairs != nil else {
      throw ImportError(
        ImportDiagnostics.yamlInventory,
        "Invalid data from file, expected dictionary and got \(entry.value.kindName) for host "
          + "'\(pattern)'", at: entry.value.location)
    }
    var variables = (entry.value.mappingPairs ?? []).map(variable)
    if let port = expanded.port {
      variables.insert(
        InventoryVariable(name: "ansible_port", value: .int(port), location: entry.key.location),
        at: 0)
    }
    for host in expanded.hosts {
      inventory.addHost(host, to: group, at: entry.key.location)
      for variable in variables { inventory.setVariable(variable, ofHost: host) }
    }
  }
}
