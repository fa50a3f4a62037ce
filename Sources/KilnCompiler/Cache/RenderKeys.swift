import KilnDiagnostics

/// The render key of every selected host of an environment (see `RenderInputKeys` for what a
/// key covers): two renders with the same key produce the same files, so `kiln diff` skips a
/// host whose key is equal at base and head and the render cache stores renders by key.
public struct RenderKeys: Sendable {
  /// The selected hosts, in inventory order.
  public let hosts: [String]
  /// Each selected host's key.
  public let byHost: [String: String]
  /// The hosts whose key covers every host's variables (they read `hostvars`).
  public let readers: Set<String>
  /// The blob id of every input file the keys were computed from, by path (the same ids
  /// `SourceTree.contentID` gives).
  public let inputIDs: [String: String]

  /// Computes the keys of `selection`'s hosts in `compiler`'s environment. `toolVersion` and
  /// `salt` (whatever else changes renders, e.g. the `--set` assignments) are part of every
  /// key; `mentions` remembers which variable files name `hostvars`. Throws for an unknown
  /// host or group, and when the repository cannot be read.
  public init(
    compiler: EnvironmentCompiler, selection: RenderSelection = .all, toolVersion: String,
    salt: [String] = [], mentions: HostvarsMentions
  ) throws(DiagnosticsError) {
    hosts = try compiler.selectedHosts(selection)
    let inputs = try RenderInputKeys(
      compiler: compiler,
      salt: [
        "kiln-render-cache 2", "kiln \(toolVersion)", "env \(compiler.environment.name)",
        "services \(selection.services.sorted().joined(separator: ","))",
      ] + salt.map { "salt \($0)" }, mentions: mentions)
    var byHost: [String: String] = [:]
    var readers = Set<String>()
    for host in hosts {
      byHost[host] = inputs.key(host: host)
      if inputs.readsOtherHosts(host) { readers.insert(host) }
    }
    self.byHost = byHost
    self.readers = readers
    inputIDs = inputs.identified
  }
}
