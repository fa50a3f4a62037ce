import Foundation
import KilnBundle
import KilnCompiler

/// The `kolla` driver and any command template (`--driver CMD`): writes the wave's files as a
/// tree, then runs the command with `{hosts}`, `{services}`, `{release}`, `{config}` and, when
/// the template names `{host}`, once per host. Output is streamed with the host (or wave) as
/// prefix and captured to the run directory; a command over its timeout is killed and fails.
public struct CommandDriver: Driver {
  /// kolla-ansible's default command.
  public static let kollaCommand =
    "kolla-ansible -i {inventory} reconfigure --limit {hosts} --tags {services} "
    + "-e node_custom_config={config}"

  /// The command template.
  public let template: String
  /// The `{config}` layout: kolla's `node_custom_config` or one tree per host.
  public let layout: OutputLayout
  /// `{inventory}`, for kolla-ansible.
  public let inventory: String

  /// A driver running `template`.
  public init(template: String, layout: OutputLayout, inventory: String = "") {
    self.template = template
    self.layout = layout
    self.inventory = inventory
  }

  /// `kolla` or `command`.
  public var name: String { layout == .kolla ? "kolla" : "command" }

  /// Runs the command for all of `hosts` (or each host when the template names `{host}`).
  public func install(_ release: Release?, hosts: [String], context: DriverContext)
    throws(ExecutorError) -> [String: String]
  {
    let perHost = template.contains("{host}")
    let groups = perHost ? hosts.map { [$0] } : [hosts]
    var failed: [String: String] = [:]
    for group in groups where !group.isEmpty {
      let prefix = group.count == 1 ? group[0] : context.label
      let config = context.runDirectory + "/config-\(context.label)-\(prefix)"
      try writeTree(release, hosts: group, to: config, context: context)
      defer { try? DurableFiles.removeTree(config) }
      var services: Set<String> = []
      for host in group { services.formUnion(release?.services(of: host) ?? []) }
      let command = CommandRunner.expand(
        template,
        [
          ("hosts", group.joined(separator: ",")), ("host", group[0]),
          ("services", services.sorted().joined(separator: ",")),
          ("release", release?.directory ?? ""), ("config", config), ("inventory", inventory),
        ])
      let runner = CommandRunner(directory: context.runDirectory)
      let outcome = try runner.run(
        command, timeout: context.timeout,
        log: context.runDirectory + "/driver-\(context.label).log"
      ) { line in
        context.report(.output(prefix: prefix, line: line))
      }
      guard !outcome.succeeded else { continue }
      let reason =
        outcome.timedOut
        ? "driver killed after \(Int(context.timeout)) s timeout"
        : "driver exited \(outcome.status)"
      for host in group { failed[host] = reason }
    }
    return failed
  }

  /// Writes the hosts' files (secrets revealed, 0600) under `directory` (mode 0700).
  private func writeTree(
    _ release: Release?, hosts: [String], to directory: String, context: DriverContext
  ) throws(ExecutorError) {
    try DurableFiles.removeTree(directory)
    try DurableFiles.makeDirectory(directory)
    chmod(directory, 0o700)
    guard let release else { return }
    for host in hosts {
      for file in release.files(of: host) {
        let bytes = try context.installable(file, of: release)
        let relative = layout.relativePath(
          of: RenderedFile(
            host: host, path: file.path, contents: bytes, mode: DriverContext.mode(of: file),
            service: file.service, format: file.format, isSecret: file.secret))
        let path = directory + "/" + relative
        try DurableFiles.makeDirectory(DurableFiles.parent(of: path))
        try DurableFiles.write(bytes, to: path, mode: DriverContext.mode(of: file))
      }
    }
  }
}
