import KilnCompiler
import KilnModel

/// Collapses identical per-host deltas into entries, naming the inventory group when the
/// hosts are exactly its members.
struct ChangeGrouping {
  let inventory: InventoryModel?

  /// Entries in first-seen order (hosts in inventory order, then path).
  func entries(_ deltas: [FileDelta]) -> [ChangeEntry] {
    var order: [FileDelta.Signature] = []
    var grouped: [FileDelta.Signature: (hosts: [String], sample: FileDelta)] = [:]
    for delta in deltas {
      if grouped[delta.signature] == nil {
        order.append(delta.signature)
        grouped[delta.signature] = ([], delta)
      }
      grouped[delta.signature]?.hosts.append(delta.host)
    }
    let sorted = order.enumerated().sorted { a, b in
      a.element.path != b.element.path
        ? a.element.path.utf8.lexicographicallyPrecedes(b.element.path.utf8)
        : a.offset < b.offset
    }
    return sorted.map(\.element).compactMap { signature in
      guard let (hosts, sample) = grouped[signature] else { return nil }
      return ChangeEntry(
        path: signature.path, service: signature.service, format: signature.format,
        kind: signature.kind, hosts: hosts, group: group(exactly: hosts),
        comparison: signature.comparison, secret: signature.secret, mode: signature.mode,
        restarts: [], waves: [], sources: [], oldText: sample.oldText, newText: sample.newText)
    }
  }

  /// The group whose members are exactly `hosts`: the most specific one (fewest children,
  /// then inventory order); `all` only when nothing else matches.
  func group(exactly hosts: [String]) -> String? {
    guard let inventory else { return nil }
    let wanted = Set(hosts)
    let matches = inventory.groupNames.filter { name in
      guard let members = inventory.hosts(inGroup: name) else { return false }
      return members.count == wanted.count && Set(members) == wanted
    }
    return matches.first { $0 != "all" && inventory.childGroups(of: $0).isEmpty }
      ?? matches.first { $0 != "all" } ?? matches.first
  }
}
