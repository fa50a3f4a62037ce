import KilnDiagnostics
import KilnYAML

/// Writes an imported inventory in Kiln's layout: `inventory.yaml` (Ansible's YAML inventory
/// format: every group under `all.children` with its own hosts and child groups, `all`'s
/// variables under `all.vars`), `group_vars/<group>.yaml` and `host_vars/<host>.yaml`. Every
/// variable is preceded by a comment naming the line it came from.
public enum InventoryFiles {
  /// The files for `inventory` under `directory` (`environments/<env>`); `source` names the
  /// imported inventory in the header comments.
  public static func files(for inventory: ImportedInventory, in directory: String, source: String)
    -> [RepositoryFile]
  {
    var files = [
      RepositoryFile(
        path: "\(directory)/inventory.yaml", text: inventoryText(inventory, source: source))
    ]
    for group in inventory.groups where group.name != "all" && !group.variables.isEmpty {
      files.append(
        RepositoryFile(
          path: "\(directory)/group_vars/\(group.name).yaml",
          text: variablesText(group.variables, header: "group '\(group.name)'", source: source)))
    }
    for host in inventory.hosts where !host.variables.isEmpty {
      files.append(
        RepositoryFile(
          path: "\(directory)/host_vars/\(host.name).yaml",
          text: variablesText(host.variables, header: "host '\(host.name)'", source: source)))
    }
    return files
  }

  /// `inventory.yaml`: the structure only (variables live in group_vars/host_vars, except
  /// `all`'s, which stay in the inventory so `group_vars/all` keeps precedence over them).
  static func inventoryText(_ inventory: ImportedInventory, source: String) -> String {
    let here = SourceLocation(file: "inventory.yaml", line: 1, column: 1)
    func key(_ text: String) -> YAMLNode {
      YAMLNode(.scalar(YAMLScalar(string: text)), location: here)
    }
    func mapping(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
      YAMLNode(.mapping(pairs.map { YAMLPair(key: key($0.0), value: $0.1) }), location: here)
    }
    let empty = mapping([])
    var children: [(String, YAMLNode)] = []
    let ungrouped = inventory.ungroupedHosts
    for group in inventory.groups where group.name != "all" {
      let hosts = group.name == "ungrouped" ? ungrouped : group.hosts
      var body: [(String, YAMLNode)] = []
      if !hosts.isEmpty { body.append(("hosts", mapping(hosts.map { ($0, empty) }))) }
      if !group.children.isEmpty {
        body.append(("children", mapping(group.children.map { ($0, empty) })))
      }
      if group.name == "ungrouped" && body.isEmpty { continue }
      children.append((group.name, mapping(body)))
    }
    var all: [(String, YAMLNode)] = []
    let allVariables = inventory.group(named: "all")?.variables ?? []
    if !allVariables.isEmpty {
      all.append(("vars", mapping(allVariables.map { ($0.name, $0.value.yamlNode(at: here)) })))
    }
    if !children.isEmpty { all.append(("children", mapping(children))) }
    return "# Imported from \(source) by `kiln import`.\n"
      + YAMLWriter.write(mapping([("all", mapping(all))]))
  }

  /// A variables file: one `name: value` per variable, each after a comment naming its source.
  public static func variablesText(
    _ variables: [InventoryVariable], header: String, source: String
  ) -> String {
    var text = "# Variables of \(header), imported from \(source) by `kiln import`.\n"
    for variable in variables {
      let here = variable.location
      let pair = YAMLPair(
        key: YAMLNode(.scalar(YAMLScalar(string: variable.name)), location: here),
        value: variable.value.yamlNode(at: here))
      text += "# \(here.file):\(here.line)\n"
      text += YAMLWriter.write(YAMLNode(.mapping([pair]), location: here))
    }
    return text
  }
}
