import Foundation

/// How `kiln apply` runs: where its state lives, which driver installs, which hosts.
public struct ApplyOptions: Sendable {
  /// The state directory.
  public var state: StateDirectory
  /// The driver installing files on hosts.
  public var driver: any Driver
  /// The environment the bundle must be for (default: the current release's).
  public var expectedEnvironment: String?
  /// Hosts or groups to limit the rollout to; empty means every host.
  public var limit: [String]
  /// Verify and plan only; change nothing.
  public var dryRun: Bool
  /// Skip health checks (reported loudly).
  public var skipHealth: Bool
  /// Releases kept in the state directory (current and previous always are).
  public var keepReleases: Int
  /// Seconds a driver command may run before it is killed.
  public var driverTimeout: Double
  /// Reveals secret files at install; nil when no identity was given.
  public var secrets: (any SecretResolver)?
  /// Extra environment for health checks (the copy driver's `KILN_ROOT`).
  public var healthEnvironment: [String: String]
  /// Test hook: SIGKILL right after this journal point (`STAGED`, `SWITCHED:2`, …).
  public var crashAfter: String?
  /// The time expiry is judged at.
  public var now: Date

  /// Creates the options.
  public init(
    state: StateDirectory, driver: any Driver, expectedEnvironment: String? = nil,
    limit: [String] = [], dryRun: Bool = false, skipHealth: Bool = false, keepReleases: Int = 3,
    driverTimeout: Double = 1800, secrets: (any SecretResolver)? = nil,
    healthEnvironment: [String: String] = [:], crashAfter: String? = nil, now: Date = Date()
  ) {
    self.state = state
    self.driver = driver
    self.expectedEnvironment = expectedEnvironment
    self.limit = limit
    self.dryRun = dryRun
    self.skipHealth = skipHealth
    self.keepReleases = keepReleases
    self.driverTimeout = driverTimeout
    self.secrets = secrets
    self.healthEnvironment = healthEnvironment
    self.crashAfter = crashAfter
    self.now = now
  }
}
