import KilnDiagnostics
import KilnYAML

/// One environment's `inventory.yaml`, in Ansible's YAML inventory format.
struct InventoryDocument: Sendable {
  /// A group as declared (possibly in several places) in one inventory file.
  struct Group: Sendable {
    var name: String
    var location: SourceLocation
    var hosts: [String] = []
    var children: [String] = []
    var varLayers: [VariableLayer] = []
  }

  var file: String?
  /// Groups in first-seen order; `all` is always first.
  var groups: [Group] = []
  var groupIndex: [String: Int] = [:]
  /// Hosts in first-seen order.
  var hosts: [String] = []
  var hostLocations: [String: SourceLocation] = [:]
  /// Inline host variables, each occurrence its own layer, in document order.
  var hostVarLayers: [String: [VariableLayer]] = [:]

  static let groupKeys = ["hosts", "vars", "children"]

  /// The group named `name`, if declared.
  func group(_ name: String) -> Group? { groupIndex[name].map { groups[$0] } }

  /// Parses `root` (the file's top-level node) for environment `environment`.
  static func parse(
    _ root: YAMLNode, file: String, environment: String, with reader: YAMLReader
  ) -> InventoryDocument {
    var parser = Parser(
      document: InventoryDocument(file: file), reader: reader, environment: environment,
      label: "inventory.yaml")
    parser.declare("all", at: root.location)
    guard let pairs = reader.mapping(root, file) else { return parser.document }
    for pair in pairs {
      guard let name = reader.keyText(pair.key) else { continue }
      if name != "all", Suggestion.distance(name.lowercased(), "all") <= 1 {
        reader.sink.add(
          Diagnostic(
            id: ModelDiagnostics.unknownKey, severity: .warning,
            message: "top-level group '\(name)' looks like a misspelt 'all'",
            location: pair.key.location, hint: "rename it to 'all' if that is what it means"))
      }
      parser.parseGroup(
        name, body: pair.value, parent: name == "all" ? nil : "all", at: pair.key.location)
    }
    return parser.document
  }

  private struct Parser {
    var document: InventoryDocument
    let reader: YAMLReader
    let environment: String
    let label: String
    var stack: [String] = []
    var membership = Set<String>()

    mutating func declare(_ name: String, at location: SourceLocation) {
      if document.groupIndex[name] == nil {
        document.groupIndex[name] = document.groups.count
        document.groups.append(Group(name: name, location: location))
      }
    }

    mutating func parseGroup(
      _ name: String, body: YAMLNode, parent: String?, at location: SourceLocation
    ) {
      declare(name, at: location)
      if let parent, let index = document.groupIndex[parent],
        !document.groups[index].children.contains(name)
      {
        document.groups[index].children.append(name)
      }
      if stack.contains(name) {
        reader.sink.add(
          Diagnostic(
            id: ModelDiagnostics.groupCycle,
            message:
              "group '\(name)' is its own descendant: \((stack + [name]).joined(separator: " → "))",
            location: location, hint: "remove '\(name)' from the children of '\(parent ?? "all")'"))
        return
      }
      let what = "group '\(name)' of \(document.file ?? label)"
      guard let pairs = reader.checkedMapping(body, what, allowed: InventoryDocument.groupKeys)
      else { return }
      stack.append(name)
      defer { stack.removeLast() }
      for (key, pair) in pairs {
        switch key {
        case "hosts": parseHosts(pair.value, group: name)
        case "vars": parseVars(pair.value, group: name)
        default: parseChildren(pair.value, group: name)
        }
      }
    }

    mutating func parseHosts(_ node: YAMLNode, group: String) {
      guard let pairs = reader.mapping(node, "'hosts' of group '\(group)'") else { return }
      for pair in pairs {
        guard let pattern = reader.keyText(pair.key) else { continue }
        do {
          for host in try HostRange.expand(pattern) { addHost(host, pair, group: group) }
        } catch {
          reader.sink.add(
            Diagnostic(
              id: ModelDiagnostics.invalidValue,
              message: "invalid host range '\(pattern)': \(error.message)",
              location: pair.key.location, hint: "write ranges as web[01:10] or db-[a:c]"))
        }
      }
    }

    mutating func addHost(_ host: String, _ pair: YAMLPair, group: String) {
      guard let index = document.groupIndex[group] else { return }
      if document.hostLocations[host] == nil {
        document.hosts.append(host)
        document.hostLocations[host] = pair.key.location
      }
      if membership.insert("\(group)\u{0}\(host)").inserted {
        document.groups[index].hosts.append(host)
      }
      guard let vars = reader.mapping(pair.value, "the variables of host '\(host)'"),
        !vars.isEmpty
      else { return }
      let layer = VariableLayer(
        description: "\(label) host \(host) (env \(environment))", node: pair.value)
      document.hostVarLayers[host, default: []].append(layer)
    }

    mutating func parseVars(_ node: YAMLNode, group: String) {
      guard let pairs = reader.mapping(node, "'vars' of group '\(group)'"), !pairs.isEmpty,
        let index = document.groupIndex[group]
      else { return }
      let section = group == "all" ? "all.vars" : "group \(group) vars"
      document.groups[index].varLayers.append(
        VariableLayer(description: "\(label) \(section) (env \(environment))", node: node))
    }

    mutating func parseChildren(_ node: YAMLNode, group: String) {
      guard let pairs = reader.mapping(node, "'children' of group '\(group)'") else { return }
      for pair in pairs {
        guard let child = reader.keyText(pair.key) else { continue }
        if child == "all" {
          reader.sink.add(
            Diagnostic(
              id: ModelDiagnostics.groupCycle, message: "'all' cannot be a child of '\(group)'",
              location: pair.key.location, hint: "every group is already a descendant of 'all'"))
          continue
        }
        parseGroup(child, body: pair.value, parent: group, at: pair.key.location)
      }
    }
  }
}
