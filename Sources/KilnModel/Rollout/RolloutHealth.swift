extension RolloutPlan {
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
}
