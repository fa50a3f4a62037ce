/// How much rendering `kiln diff` did for one environment: the hosts whose render keys are the
/// same at base and head cannot differ and are neither rendered nor compared.
public struct ReviewWork: Sendable, Hashable {
  /// Hosts selected on either side.
  public var hosts: Int
  /// Hosts whose render inputs differ between base and head, or that exist on one side only:
  /// the hosts compared.
  public var changed: Int
  /// Hosts rendered at base (not read from the render cache).
  public var renderedBase: Int
  /// Hosts rendered at head (not read from the render cache).
  public var renderedHead: Int
  /// Hosts read from the render cache, both sides together.
  public var fromCache: Int

  /// Creates the figures.
  public init(hosts: Int, changed: Int, renderedBase: Int, renderedHead: Int, fromCache: Int) {
    self.hosts = hosts
    self.changed = changed
    self.renderedBase = renderedBase
    self.renderedHead = renderedHead
    self.fromCache = fromCache
  }

  /// "compared 3 of 10000 hosts (the others' inputs are unchanged); rendered 3 at base,
  /// 3 at head, 0 from the render cache".
  public var summary: String {
    "compared \(changed) of \(hosts) hosts (the others' inputs are unchanged); rendered "
      + "\(renderedBase) at base, \(renderedHead) at head, \(fromCache) from the render cache"
  }
}
