import KilnDiagnostics

/// A variable read from an inventory, with where it was set.
public struct InventoryVariable: Sendable, Hashable {
  /// The variable's name.
  public var name: String
  /// Its value as Ansible reads it.
  public var value: InventoryValue
  /// Where it was set.
  public var location: SourceLocation

  /// A variable `name` set to `value` at `location`.
  public init(name: String, value: InventoryValue, location: SourceLocation) {
    self.name = name
    self.value = value
    self.location = location
  }
}

/// An inventory group: its hosts, child groups and variables, in the order Ansible adds them.
public struct InventoryGroup: Sendable, Hashable {
  /// The group's name.
  public var name: String
  /// Where the group is first declared.
  public var location: SourceLocation
  /// Hosts listed directly in the group, in first-seen order.
  public var hosts: [String] = []
  /// Direct child groups, in first-seen order.
  public var children: [String] = []
  /// The group's variables; a later setting of a name replaces the earlier value in place.
  public var variables: [InventoryVariable] = []
}

/// An inventory host and its variables.
public struct InventoryHost: Sendable, Hashable {
  /// The host's name.
  public var name: String
  /// Where the host is first listed.
  public var location: SourceLocation
  /// The host's own variables (inline `key=value`, `:port`); later settings replace earlier ones.
  public var variables: [InventoryVariable] = []
}

/// What Ansible's `InventoryData` holds after reading inventory sources: groups, hosts and
/// variables in first-seen order. `all` and `ungrouped` always exist.
public struct ImportedInventory: Sendable, Hashable {
  /// Groups in first-seen order, `all` and `ungrouped` first.
  public private(set) var groups: [InventoryGroup]
  /// Hosts in first-seen order.
  public private(set) var hosts: [InventoryHost] = []
  private var groupIndex: [String: Int]
  private var hostIndex: [String: Int] = [:]

  /// An inventory with only `all` and `ungrouped`.
  public init() {
    let nowhere = SourceLocation(file: "", line: 0, column: 0)
    groups = [
      InventoryGroup(name: "all", location: nowhere),
      InventoryGroup(name: "ungrouped", location: nowhere),
    ]
    groupIndex = ["all": 0, "ungrouped": 1]
  }

  /// The group named `name`, if declared.
  public func group(named name: String) -> InventoryGroup? { groupIndex[name].map { groups[$0] } }

  /// The host named `name`, if listed.
  public func host(named name: String) -> InventoryHost? { hostIndex[name].map { hosts[$0] } }

  /// Declares `name` (no-op when it exists).
  mutating func addGroup(_ name: String, at location: SourceLocation) {
    guard groupIndex[name] == nil else { return }
    groupIndex[name] = groups.count
    groups.append(InventoryGroup(name: name, location: location))
  }

  /// Lists `host` (once) and adds it to `group`.
  mutating func addHost(_ name: String, to group: String, at location: SourceLocation) {
    if hostIndex[name] == nil {
      hostIndex[name] = hosts.count
      hosts.append(InventoryHost(name: name, location: location))
    }
    addGroup(group, at: location)
    guard let index = groupIndex[group], !groups[index].hosts.contains(name) else { return }
    groups[index].hosts.append(name)
  }

  /// Makes `child` a child group of `parent`.
  mutating func addChild(_ child: String, to parent: String, at location: SourceLocation) {
    addGroup(parent, at: location)
    addGroup(child, at: location)
    guard let index = groupIndex[parent], !groups[index].children.contains(child) else { return }
    groups[index].children.append(child)
  }

  /// Sets a group variable; a later setting replaces the value where the name first appeared.
  mutating func setVariable(_ variable: InventoryVariable, ofGroup group: String) {
    guard let index = groupIndex[group] else { return }
    Self.set(variable, in: &groups[index].variables)
  }

  /// Sets a host variable; a later setting replaces the value where the name first appeared.
  mutating func setVariable(_ variable: InventoryVariable, ofHost host: String) {
    guard let index = hostIndex[host] else { return }
    Self.set(variable, in: &hosts[index].variables)
  }

  /// Removes variables for which `drop` is true (from groups and hosts).
  mutating func removeVariables(where drop: (InventoryVariable) -> Bool) {
    for index in groups.indices { groups[index].variables.removeAll(where: drop) }
    for index in hosts.indices { hosts[index].variables.removeAll(where: drop) }
  }

  private static func set(_ variable: InventoryVariable, in variables: inout [InventoryVariable]) {
    if let existing = variables.firstIndex(where: { $0.name == variable.name }) {
      variables[existing] = variable
    } else {
      variables.append(variable)
    }
  }

  /// Whether `ancestor` is `group` or reaches it through children.
  func reaches(_ group: String, from ancestor: String) -> Bool {
    var seen: Set<String> = []
    var pending = [ancestor]
    while let next = pending.popLast() {
      if next == group { return true }
      guard seen.insert(next).inserted, let index = groupIndex[next] else { continue }
      pending += groups[index].children
    }
    return false
  }

  /// Hosts that belong to no group but `all`/`ungrouped`: Ansible's `ungrouped` after
  /// reconciling (a host listed before any section and again in a group leaves `ungrouped`).
  public var ungroupedHosts: [String] {
    let grouped = Set(
      groups.filter { $0.name != "all" && $0.name != "ungrouped" }.flatMap(\.hosts))
    let listed = Set((group(named: "all")?.hosts ?? []) + (group(named: "ungrouped")?.hosts ?? []))
    return hosts.map(\.name).filter { listed.contains($0) && !grouped.contains($0) }
  }
}
