/// Which part of an environment to compile: `--host`, `--group` and `--service` filters.
/// Hosts named directly and hosts of the named groups are unioned; empty means everything.
public struct RenderSelection: Sendable, Hashable {
  public var hosts: [String]
  public var groups: [String]
  public var services: [String]

  public init(hosts: [String] = [], groups: [String] = [], services: [String] = []) {
    self.hosts = hosts
    self.groups = groups
    self.services = services
  }

  /// Everything.
  public static let all = RenderSelection()
}
