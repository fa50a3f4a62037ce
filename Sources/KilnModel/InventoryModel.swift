import KilnDiagnostics

/// An environment's inventory merged along its chain: hosts, groups and membership.
public struct InventoryModel: Sendable {
  /// Every host, in inventory order (first seen along the chain, base first).
  public let hosts: [String]
  /// Every group, in first-seen order, starting with `all` and including `ungrouped`.
  public let groupNames: [String]
  /// Group name → hosts in it or any of its descendants, in inventory order.
  let members: [String: [String]]
  /// Group name → direct child groups.
  let children: [String: [String]]
  /// Group name → longest path from `all`.
  let depth: [String: Int]
  /// Host → groups it belongs to (directly or through children), without `all`, sorted.
  let hostGroups: [String: [String]]
  /// Host → where it is first declared.
  let hostLocations: [String: SourceLocation]
  /// Group → where it is first declared.
  let groupLocations: [String: SourceLocation]

  /// The hosts of `group` (with its descendants' hosts) in inventory order, nil if unknown.
  public func hosts(inGroup group: String) -> [String]? { members[group] }

  /// Ansible's `group_names` for `host`: its groups, sorted, without `all`.
  public func groupNames(ofHost host: String) -> [String] { hostGroups[host] ?? [] }

  /// Whether the inventory lists `host`.
  public func contains(host: String) -> Bool { hostGroups[host] != nil }

  /// Whether the inventory declares `group`.
  public func contains(group: String) -> Bool { members[group] != nil }

  /// The groups of `host` in layering order: depth (longest path from `all`), then name.
  public func layeringOrder(ofHost host: String) -> [String] {
    groupNames(ofHost: host).sorted { a, b in
      let (da, db) = (depth[a] ?? 1, depth[b] ?? 1)
      return da != db ? da < db : a < b
    }
  }

  /// The direct child groups of `group`.
  public func childGroups(of group: String) -> [String] { children[group] ?? [] }

  /// Merges the inventories of a chain (base first); cycles in `children` are reported.
  static func merge(_ documents: [InventoryDocument], sink: DiagnosticSink) -> InventoryModel {
    var builder = Builder()
    for document in documents { builder.add(document) }
    return builder.build(sink: sink)
  }

  private struct Builder {
    var groupOrder: [String] = ["all"]
    var directHosts: [String: [String]] = ["all": []]
    var children: [String: [String]] = ["all": []]
    var parents: [String: [String]] = [:]
    var hosts: [String] = []
    var hostLocations: [String: SourceLocation] = [:]
    var groupLocations: [String: SourceLocation] = [:]
    var hostDirectGroups: [String: [String]] = [:]
    var seen = Set<Membership>()

    struct Membership: Hashable {
      var group: String
      var host: String
    }

    mutating func add(_ document: InventoryDocument) {
      for group in document.groups {
        if directHosts[group.name] == nil {
          groupOrder.append(group.name)
          directHosts[group.name] = []
          children[group.name] = []
          groupLocations[group.name] = group.location
        }
        for host in group.hosts
        where seen.insert(Membership(group: group.name, host: host)).inserted {
          directHosts[group.name, default: []].append(host)
          hostDirectGroups[host, default: []].append(group.name)
        }
        for child in group.children where !(children[group.name] ?? []).contains(child) {
          children[group.name, default: []].append(child)
          parents[child, default: []].append(group.name)
        }
      }
      for host in document.hosts where hostLocations[host] == nil {
        hosts.append(host)
        hostLocations[host] = document.hostLocations[host]
      }
    }

    mutating func build(sink: DiagnosticSink) -> InventoryModel {
      if directHosts["ungrouped"] == nil {
        groupOrder.append("ungrouped")
        directHosts["ungrouped"] = []
        children["ungrouped"] = []
      }
      for group in groupOrder where group != "all" && (parents[group] ?? []).isEmpty {
        parents[group] = ["all"]
        children["all", default: []].append(group)
      }
      var depth = ["all": 0]
      var ancestors: [String: [String]] = [:]
      for group in groupOrder {
        _ = computeDepth(group, &depth, &ancestors, [], sink)
      }
      var hostGroups: [String: [String]] = [:]
      var members: [String: [String]] = [:]
      for group in groupOrder { members[group] = [] }
      for host in hosts {
        var groups = Set<String>()
        for direct in hostDirectGroups[host] ?? [] {
          groups.insert(direct)
          groups.formUnion(ancestors[direct] ?? [])
        }
        groups.remove("all")
        if groups.count > 1 { groups.remove("ungrouped") }
        if groups.isEmpty { groups = ["ungrouped"] }
        let sorted = groups.sorted()
        hostGroups[host] = sorted
        members["all", default: []].append(host)
        for group in sorted { members[group, default: []].append(host) }
      }
      return InventoryModel(
        hosts: hosts, groupNames: groupOrder, members: members, children: children, depth: depth,
        hostGroups: hostGroups, hostLocations: hostLocations, groupLocations: groupLocations)
    }

    /// Longest path from `all`; fills `ancestors` (transitive parents) on the way.
    func computeDepth(
      _ group: String, _ depth: inout [String: Int], _ ancestors: inout [String: [String]],
      _ path: [String], _ sink: DiagnosticSink
    ) -> Int {
      if let known = depth[group] { return known }
      if path.contains(group) {
        sink.add(
          Diagnostic(
            id: ModelDiagnostics.groupCycle,
            message: "inventory groups form a cycle: \((path + [group]).joined(separator: " → "))",
            location: groupLocations[group], hint: "remove one of the 'children:' entries"))
        return 1
      }
      var best = 0
      var all = Set<String>()
      for parent in parents[group] ?? ["all"] {
        best = max(best, computeDepth(parent, &depth, &ancestors, path + [group], sink))
        all.insert(parent)
        all.formUnion(ancestors[parent] ?? [])
      }
      depth[group] = best + 1
      ancestors[group] = all.sorted()
      return best + 1
    }
  }
}
