/// Cuts a rollout plan's hosts into waves the way Ansible's `serial` would: the canary hosts
/// alone first, then each group of `order` in turn (hosts of no listed group last), each cut
/// into batches whose sizes follow `batch` (the last size repeats). `kiln apply` runs these
/// waves and `kiln diff` reports them, so both always agree.
public enum WavePlanner {
  /// The waves for `plan`, restricted to `selected` hosts when given (in plan order).
  public static func waves(for plan: RolloutPlan, selected: Set<String>? = nil) -> [[String]] {
    let hosts = plan.hosts.map(\.name).filter { selected?.contains($0) ?? true }
    let included = Set(hosts)
    var placed: Set<String> = []
    var waves: [[String]] = []
    let canary = plan.canary.filter { included.contains($0) }
    if !canary.isEmpty {
      waves.append(canary)
      placed.formUnion(canary)
    }
    var segments: [[String]] = []
    for group in plan.order {
      let members = plan.hosts.filter { $0.groups.contains(group) }.map(\.name)
      let segment = members.filter { included.contains($0) && !placed.contains($0) }
      placed.formUnion(segment)
      if !segment.isEmpty { segments.append(segment) }
    }
    let rest = hosts.filter { !placed.contains($0) }
    if !rest.isEmpty { segments.append(rest) }
    let sizes = plan.batch.isEmpty ? [.percent(100)] : plan.batch
    var batchIndex = 0
    for segment in segments {
      var remaining = segment[...]
      while !remaining.isEmpty {
        let size = max(1, sizes[min(batchIndex, sizes.count - 1)].hosts(of: plan.hosts.count))
        batchIndex += 1
        waves.append(Array(remaining.prefix(size)))
        remaining = remaining.dropFirst(size)
      }
    }
    return waves
  }

  /// Whether a wave with `failed` of `total` hosts failing stops the rollout.
  public static func isFatal(failed: Int, total: Int, plan: RolloutPlan) -> Bool {
    guard failed > 0 else { return false }
    if plan.anyErrorsFatal || total == 0 { return true }
    return failed * 100 > plan.maxFailPercentage * total
  }
}
