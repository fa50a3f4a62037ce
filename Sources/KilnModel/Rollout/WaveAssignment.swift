/// The 1-based wave each host lands in when `kiln apply` runs a plan, as `WavePlanner` cuts it;
/// `kiln diff` reports a change's waves from it.
public struct WaveAssignment: Sendable {
  /// The waves in rollout order, each listing its hosts.
  public let waves: [[String]]
  private let waveOfHost: [String: Int]

  /// The waves of `plan`, restricted to `selected` hosts when given.
  public init(plan: RolloutPlan, selected: Set<String>? = nil) {
    waves = WavePlanner.waves(for: plan, selected: selected)
    var waveOfHost: [String: Int] = [:]
    for (index, hosts) in waves.enumerated() {
      for host in hosts { waveOfHost[host] = index + 1 }
    }
    self.waveOfHost = waveOfHost
  }

  /// The 1-based wave of `host`, or nil when the plan does not roll it out.
  public func wave(of host: String) -> Int? { waveOfHost[host] }

  /// The distinct 1-based waves `hosts` land in, ascending.
  public func waves(of hosts: some Sequence<String>) -> [Int] {
    Set(hosts.compactMap { waveOfHost[$0] }).sorted()
  }
}
