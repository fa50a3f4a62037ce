import KilnModel
import KilnYAML

/// The wave each host lands in when the environment's `rollout:` is applied: `canary` hosts
/// first, then the rest (in `order:` group order when given, else inventory order) in batches
/// of `batch` hosts or `batch: "25%"` of all hosts. No `rollout:` means one wave.
struct RolloutWaves {
  private var waveOfHost: [String: Int] = [:]

  init(rollout: YAMLNode?, hosts: [String], inventory: InventoryModel?) {
    var remaining = hosts
    var wave = 0
    let canary = Self.strings(rollout?["canary"]).filter { hosts.contains($0) }
    if !canary.isEmpty {
      wave = 1
      for host in canary { waveOfHost[host] = wave }
      remaining.removeAll { canary.contains($0) }
    }
    let order = Self.strings(rollout?["order"])
    if let inventory, !order.isEmpty {
      let rank = { (host: String) -> Int in
        order.firstIndex { inventory.hosts(inGroup: $0)?.contains(host) ?? false } ?? order.count
      }
      remaining = remaining.enumerated().sorted { a, b in
        let (ra, rb) = (rank(a.element), rank(b.element))
        return ra != rb ? ra < rb : a.offset < b.offset
      }.map(\.element)
    }
    let size = Self.batchSize(rollout?["batch"], total: hosts.count)
    for (index, host) in remaining.enumerated() {
      waveOfHost[host] = wave + 1 + index / max(1, size)
    }
  }

  /// The distinct waves of `hosts`, ascending.
  func waves(of hosts: [String]) -> [Int] {
    Array(Set(hosts.compactMap { waveOfHost[$0] })).sorted()
  }

  private static func batchSize(_ node: YAMLNode?, total: Int) -> Int {
    guard let text = node?.scalar?.text.trimmed, !text.isEmpty else { return max(1, total) }
    if text.hasSuffix("%"), let percent = Double(text.dropLast()) {
      return max(1, Int((Double(total) * percent / 100).rounded(.up)))
    }
    return max(1, Int(text) ?? total)
  }

  private static func strings(_ node: YAMLNode?) -> [String] {
    guard case .sequence(let items)? = node?.content else { return [] }
    return items.compactMap { $0.scalar?.text }
  }
}
