import Foundation
import KilnTestSupport

/// A throwaway RabbitMQ node on loopback, started from a copy of one host's rendered files.
///
/// Only what ties the files to the target host is rewritten: listener addresses and ports
/// (AMQP, management, Prometheus, Erlang distribution) move to 127.0.0.1 and free ports, the
/// definitions path points at the copied `definitions.json`, and the node name, data, log and
/// pid paths come from `RABBITMQ_*` variables (design §11) instead of `rabbitmq-env.conf`, whose
/// other entries are exactly those host facts. Its extra Erlang VM arguments are kept.
final class RabbitMQNode {
  let name: String
  let directory: URL
  let ports: (amqp: Int, management: Int, prometheus: Int, distribution: Int)
  private let server: String
  private let ctl: String
  private let diagnosticsTool: String
  private let epmd: String
  private var process: Process?
  private var epmdWasRunning = true

  /// Copies and rewrites the files of `rendered` (a host's `rabbitmq` folder).
  init(rendered: URL, label: String, extraConfig: String = "") throws {
    server = try DaemonTool.locate("rabbitmq-server", package: "rabbitmq-server")
    ctl = try DaemonTool.locate("rabbitmqctl", package: "rabbitmq-server")
    diagnosticsTool = try DaemonTool.locate("rabbitmq-diagnostics", package: "rabbitmq-server")
    epmd = try DaemonTool.locate("epmd", package: "erlang-base")
    name = "kiln-\(label)-\(getpid())@localhost"
    directory = try TemporaryDirectory.make("rabbitmq-\(label)")
    let free = try DaemonPorts.reserve(4)
    ports = (free[0], free[1], free[2], free[3])
    let config = try RabbitMQRewrite.config(
      readText(rendered.appendingPathComponent("rabbitmq.conf")), ports: ports,
      definitions: directory.appendingPathComponent("definitions.json").path)
    try writeText(config + extraConfig, to: directory.appendingPathComponent("rabbitmq.conf"))
    let advanced = try RabbitMQRewrite.advanced(
      readText(rendered.appendingPathComponent("advanced.config")), port: ports.distribution)
    try writeText(advanced, to: directory.appendingPathComponent("advanced.config"))
    for file in ["definitions.json", "enabled_plugins", "rabbitmq-env.conf"] {
      try FileManager.default.copyItem(
        at: rendered.appendingPathComponent(file), to: directory.appendingPathComponent(file))
    }
    for folder in ["mnesia", "log"] {
      try FileManager.default.createDirectory(
        at: directory.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    let chown = try DaemonTool.run(
      DaemonTool.asRoot(["/bin/chown", "-R", "rabbitmq:rabbitmq", directory.path]))
    guard chown.exitCode == 0 else { throw ShellError(command: "chown", output: chown.output) }
  }

  /// A file of the node's copy.
  func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// Starts `rabbitmq-server` in the background (it drops to the `rabbitmq` user).
  func start() throws {
    epmdWasRunning = try DaemonTool.run([epmd, "-names"], timeout: 30).exitCode == 0
    let erlangArguments = RabbitMQRewrite.environmentValue(
      try readText(file("rabbitmq-env.conf")), name: "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS")
    var environment = [
      "RABBITMQ_CONFIG_FILE=\(file("rabbitmq").path)",
      "RABBITMQ_ADVANCED_CONFIG_FILE=\(file("advanced.config").path)",
      "RABBITMQ_MNESIA_BASE=\(file("mnesia").path)", "RABBITMQ_LOG_BASE=\(file("log").path)",
      "RABBITMQ_NODENAME=\(name)", "RABBITMQ_DIST_PORT=\(ports.distribution)",
      "RABBITMQ_ENABLED_PLUGINS_FILE=\(file("enabled_plugins").path)",
      "RABBITMQ_PID_FILE=\(file("rabbit.pid").path)",
    ]
    if let erlangArguments {
      environment.append("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=\(erlangArguments)")
    }
    process = try DaemonTool.launch(
      DaemonTool.asRoot(["/usr/bin/env"] + environment + [server]), output: file("server.out"))
  }

  /// Polls `check_running` until it passes (true), the server exits, or `timeout` passes.
  func waitUntilRunning(timeout: Double) throws -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try diagnostics("check_running", timeout: 30).exitCode == 0 { return true }
      if process?.isRunning != true { return false }
      usleep(500_000)
    }
    return false
  }

  /// Whether the server process is still running.
  var serverIsRunning: Bool { process?.isRunning == true }

  /// Waits up to `timeout` seconds for the server process to exit; true when it did.
  func waitForServerExit(timeout: Double) -> Bool {
    guard let process else { return true }
    return DaemonTool.waitForExit(process, timeout: timeout)
  }

  /// `rabbitmq-diagnostics -q -n NODE arguments…`.
  func diagnostics(_ arguments: String..., timeout: Double = 60) throws -> ToolRun {
    try DaemonTool.run(
      DaemonTool.asRoot([diagnosticsTool, "-q", "-n", name] + arguments), timeout: timeout)
  }

  /// `rabbitmqctl -q -n NODE arguments…`.
  func control(_ arguments: String..., timeout: Double = 60) throws -> ToolRun {
    try DaemonTool.run(DaemonTool.asRoot([ctl, "-q", "-n", name] + arguments), timeout: timeout)
  }

  /// What the server printed and logged.
  func log() -> String {
    var text = (try? readText(file("server.out"))) ?? ""
    let logs = (try? FileManager.default.contentsOfDirectory(atPath: file("log").path)) ?? []
    for log in logs.sorted() {
      text += (try? readText(file("log").appendingPathComponent(log))) ?? ""
    }
    return text
  }

  /// Stops the node, kills what is left of it by pid, stops epmd if this node started it, and
  /// removes the directory.
  func stopAndRemove() {
    if serverIsRunning {
      _ = try? control("stop", timeout: 60)
      if !waitForServerExit(timeout: 30),
        let text = try? readText(file("rabbit.pid")),
        let pid = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        // The Erlang VM this node started, by the pid it wrote; `kill` is the shell's builtin.
        _ = try? DaemonTool.run(DaemonTool.asRoot(["/bin/sh", "-c", "kill -9 \(pid)"]))
        _ = waitForServerExit(timeout: 10)
      }
      if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    if !epmdWasRunning { _ = try? DaemonTool.run([epmd, "-kill"], timeout: 30) }
    _ = try? DaemonTool.run(DaemonTool.asRoot(["/bin/rm", "-rf", directory.path]))
  }
}
