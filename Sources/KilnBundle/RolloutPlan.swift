import Foundation

/// The rollout and health plan a bundle carries as `rollout.json` (design §7): which hosts exist
/// and in which groups, how they are cut into waves, and the health checks run after each wave.
/// Resolved at seal time from `rollout:` in env.yaml, so `kiln apply` never reads the repository.
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

  /// A wave size: a host count or a percentage of all hosts (Ansible `serial`).
  public enum BatchSize: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A fixed number of hosts.
    case count(Int)
    /// A percentage of every host in the plan, at least one host.
    case percent(Int)

    /// Reads `5` or `"25%"`.
    public init?(text: String) {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      if trimmed.hasSuffix("%") {
        guard let value = Int(trimmed.dropLast()), (1...100).contains(value) else { return nil }
        self = .percent(value)
      } else {
        guard let value = Int(trimmed), value >= 1 else { return nil }
        self = .count(value)
      }
    }

    /// The number of hosts for a plan of `total` hosts (never below one).
    public func hosts(of total: Int) -> Int {
      switch self {
      case .count(let count): return count
      case .percent(let percent): return max(1, total * percent / 100)
      }
    }

    /// `5` or `25%`.
    public var description: String {
      switch self {
      case .count(let count): return String(count)
      case .percent(let percent): return "\(percent)%"
      }
    }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
      let text = try decoder.singleValueContainer().decode(String.self)
      guard let size = BatchSize(text: text) else {
        throw DecodingError.dataCorrupted(
          .init(codingPath: decoder.codingPath, debugDescription: "batch '\(text)'"))
      }
      self = size
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(description)
    }
  }

  /// One health check: a command run per host of the wave that runs one of `services` (every
  /// host of the wave when empty), or once per wave.
  public struct HealthCheck: Sendable, Hashable, Codable {
    /// The check's name, used in progress and the journal.
    public var name: String
    /// Services whose hosts the check runs on; empty means every host of the wave.
    public var services: [String]
    /// Command template with `{host}`, `{service}`, `{release}`, `{script}`, `{wave}`.
    public var command: String
    /// The bundle path of the check's script (`health/<file>`), if it has one.
    public var script: String?
    /// Runs once per wave instead of once per host.
    public var perWave: Bool

    /// Creates a check.
    public init(name: String, services: [String], command: String, script: String?, perWave: Bool) {
      self.name = name
      self.services = services
      self.command = command
      self.script = script
      self.perWave = perWave
    }
  }

  /// The health checks and how patiently they are run.
  public struct Health: Sendable, Hashable, Codable {
    /// Seconds one attempt may take before it is killed.
    public var timeout: Double
    /// Attempts after the first failed one.
    public var retries: Int
    /// Seconds between attempts.
    public var delay: Double
    /// The checks, in order.
    public var checks: [HealthCheck]

    /// Creates the health settings.
    public init(
      timeout: Double = 60, retries: Int = 0, delay: Double = 1, checks: [HealthCheck] = []
    ) {
      self.timeout = timeout
      self.retries = retries
      self.delay = delay
      self.checks = checks
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

  /// The archive path of the plan.
  public static let archivePath = "rollout.json"

  /// The plan's JSON bytes, keys sorted, ending in a newline.
  public var json: [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    return ((try? Array(encoder.encode(self))) ?? []) + [UInt8(ascii: "\n")]
  }

  /// The plan inside a verified bundle's entries, or nil when the bundle carries none.
  public static func read(from entries: [TarEntry]) throws(BundleRejection) -> RolloutPlan? {
    guard let entry = entries.first(where: { $0.path == archivePath }) else { return nil }
    do {
      return try JSONDecoder().decode(RolloutPlan.self, from: Data(entry.contents))
    } catch {
      throw BundleRejection(.manifestMismatch, "rollout.json is not a Kiln rollout plan")
    }
  }
}
