import Foundation

/// The rollout and health plan of an environment (design §7): which hosts exist and in which
/// groups, how they are cut into waves, and the health checks run after each wave. Read from
/// `rollout:` in env.yaml by `RolloutPlanReader`; a bundle carries it as `rollout.json`, so
/// `kiln apply` never reads the repository, and `kiln diff` cuts the same waves from it with
/// `WavePlanner`.
public struct RolloutPlan: Sendable, Hashable, Codable {
  /// One host with its inventory groups.
  public struct Host: Sendable, Hashable, Codable {
    /// Inventory hostname.
    public var name: String
    /// Ansible `group_names` of the host.
    public var groups: [String]

    /// Creates a host.
    public init(name: String, groups: [String]) {
      self.name = name
      self.groups = groups
    }
  }

  /// The environment the plan is for.
  public var env: String
  /// Every host, in inventory order.
  public var hosts: [Host]
  /// Hosts rolled out first, alone in the first wave.
  public var canary: [String]
  /// Wave sizes after the canary; the last one repeats (Ansible `serial` lists).
  public var batch: [BatchSize]
  /// Groups in rollout order; hosts of one group are never mixed with another's in a wave.
  public var order: [String]
  /// A wave fails when more than this percentage of its hosts failed.
  public var maxFailPercentage: Int
  /// Any failed host fails the wave.
  public var anyErrorsFatal: Bool
  /// The health checks.
  public var health: Health

  /// Creates a plan.
  public init(
    env: String, hosts: [Host], canary: [String] = [], batch: [BatchSize] = [.percent(100)],
    order: [String] = [], maxFailPercentage: Int = 0, anyErrorsFatal: Bool = true,
    health: Health = Health()
  ) {
    self.env = env
    self.hosts = hosts
    self.canary = canary
    self.batch = batch
    self.order = order
    self.maxFailPercentage = maxFailPercentage
    self.anyErrorsFatal = anyErrorsFatal
    self.health = health
  }

  /// The plan's JSON bytes, keys sorted, ending in a newline.
  public var json: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return ((try? Array(encoder.encode(self))) ?? []) + [UInt8(ascii: "\n")]
  }
}
