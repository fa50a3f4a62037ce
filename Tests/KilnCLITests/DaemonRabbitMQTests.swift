import Foundation
import KilnTestSupport
import Testing

extension DaemonTests {
  /// A real RabbitMQ node boots from a controller's rendered files and reports their values.
  @Suite struct RabbitMQ {
    /// Generous on a loaded 2-core machine, where a node is up in 6 s when idle.
    static let bootTimeout = 180.0

    @Test(arguments: [("prod", "ctl01"), ("staging", "stg-ctl01")])
    func controllerConfigBootsANodeWithItsValues(environment: String, host: String) throws {
      let rendered = try RenderedExample(environment: environment)
      defer { rendered.remove() }
      let source = rendered.host(host).appendingPathComponent("rabbitmq")
      let node = try RabbitMQNode(rendered: source, label: host)
      defer { node.stopAndRemove() }
      let config = try readText(source.appendingPathComponent("rabbitmq.conf"))
      let listener = try #require(RabbitMQRewrite.settings(config)["listeners.tcp.1"])
      let hostAddress = String(listener.prefix { $0 != ":" })
      let copied = try readText(node.file("rabbitmq.conf")) + readText(node.file("advanced.config"))
      #expect(!copied.contains(hostAddress), "a listener still binds \(hostAddress)")
      try node.start()
      let started = Date()
      let running = try node.waitUntilRunning(timeout: Self.bootTimeout)
      let bootSeconds = Date().timeIntervalSince(started)
      try #require(running, "node did not start:\n\(node.log().suffix(4000))")
      print("RabbitMQ \(environment)/\(host): running after \(Int(bootSeconds)) s")
      try expectEnvironment(of: node, configuredBy: source)
      try expectDefinitions(of: node, from: source.appendingPathComponent("definitions.json"))
      try expectPasswordHashAuthenticates(node: node, environment: environment, host: host)
      let listeners = try node.diagnostics("listeners")
      for port in [node.ports.amqp, node.ports.management, node.ports.prometheus] {
        #expect(listeners.output.contains("port: \(port),"), "\(listeners.output)")
      }
      // `listeners` prints [::] for the HTTP listeners; the kernel's socket table is the truth.
      let all = [
        node.ports.amqp, node.ports.management, node.ports.prometheus, node.ports.distribution,
      ]
      for port in all {
        #expect(try Self.listeningAddresses(port: port) == ["0100007F"], "port \(port)")
      }
      #expect(!node.log().contains("no setting with that name"))
      let stop = try node.control("stop")
      #expect(stop.exitCode == 0, "\(stop.output)")
      #expect(node.waitForServerExit(timeout: 60), "node still running after rabbitmqctl stop")
    }

    @Test func unknownSettingStopsTheNode() throws {
      let rendered = try RenderedExample(environment: "staging")
      defer { rendered.remove() }
      let source = rendered.host("stg-ctl01").appendingPathComponent("rabbitmq")
      let node = try RabbitMQNode(
        rendered: source, label: "broken", extraConfig: "\nkiln_no_such_setting = 1\n")
      defer { node.stopAndRemove() }
      try node.start()
      // The wrapper exits 0 either way: judge by the node and by what it logged.
      #expect(node.waitForServerExit(timeout: Self.bootTimeout), "server still running")
      #expect(try node.diagnostics("check_running").exitCode != 0)
      let log = node.log()
      #expect(log.contains("You've tried to set kiln_no_such_setting"), "\(log.suffix(4000))")
      #expect(log.contains("there is no setting with that name"))
    }

    /// The local addresses (as `/proc/net/tcp*` spells them) that listen on `port`.
    static func listeningAddresses(port: Int) throws -> [String] {
      let portField = String(format: "%04X", port)
      var addresses: [String] = []
      for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        for line in try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n") {
          let fields = line.split(separator: " ")
          guard fields.count > 3, fields[3] == "0A" else { continue }
          let local = fields[1].split(separator: ":")
          if local.count == 2, local[1] == portField { addresses.append(String(local[0])) }
        }
      }
      return addresses.sorted()
    }

    /// `rabbitmq-diagnostics environment` shows the settings the rendered files chose.
    func expectEnvironment(of node: RabbitMQNode, configuredBy source: URL) throws {
      let run = try node.diagnostics("environment")
      try #require(run.exitCode == 0, "\(run.output)")
      let effective = run.output.filter { !$0.isWhitespace }
      let settings = RabbitMQRewrite.settings(
        try readText(source.appendingPathComponent("rabbitmq.conf")))
      var expected = [
        "{cluster_partition_handling,\(try #require(settings["cluster_partition_handling"]))}",
        "{inet_dist_listen_min,\(node.ports.distribution)}",
        "{inet_dist_use_interface,{127,0,0,1}}",
        "{load_definitions,\"\(node.file("definitions.json").path)\"}",
      ]
      if let interval = settings["collect_statistics_interval"] {
        expected.append("{collect_statistics_interval,\(interval)}")
      }
      if let watermark = settings["vm_memory_high_watermark.relative"] {
        expected.append("{vm_memory_high_watermark,\(watermark)}")
      }
      let advanced = try readText(source.appendingPathComponent("advanced.config"))
      let backlog = try #require(advanced.firstMatch(of: #/\{backlog,\s*([0-9]+)\}/#))
      expected.append("{backlog,\(backlog.output.1)}")
      for term in expected {
        #expect(effective.contains(term), "environment lacks \(term)")
      }
    }

    /// The rendered `password_hash` is RabbitMQ's own hash of the configured password: the node
    /// authenticates the user with the plaintext, which never appears in the rendered file.
    func expectPasswordHashAuthenticates(node: RabbitMQNode, environment: String, host: String)
      throws
    {
      let explain = try KilnProcess.run(
        ["explain", "--env", environment, "--host", host, "--var", "rabbitmq_user"],
        in: packageRoot)
      let line = explain.stdout.split(separator: "\n").first { $0.hasPrefix("  value: ") }
      let user = try #require(line.map { String($0.dropFirst("  value: ".count)) })
      let password = try SecretFixture.value("rabbitmq_password")
      #expect(try node.control("authenticate_user", user, password).exitCode == 0)
      #expect(try node.control("authenticate_user", user, password + "x").exitCode != 0)
    }

    /// The users, vhosts and policies of `definitions.json` were loaded at boot.
    func expectDefinitions(of node: RabbitMQNode, from url: URL) throws {
      let data = try Data(contentsOf: url)
      let definitions = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let users = try #require(definitions["users"] as? [[String: Any]]).compactMap {
        $0["name"] as? String
      }
      let policies = try #require(definitions["policies"] as? [[String: Any]])
      try #require(!users.isEmpty && !policies.isEmpty)
      let listedUsers = try node.control("list_users")
      for user in users {
        #expect(listedUsers.output.split(separator: "\n").contains { $0.hasPrefix(user + "\t") })
      }
      let listedPolicies = try node.control("list_policies")
      for policy in policies {
        let vhost = try #require(policy["vhost"] as? String)
        let name = try #require(policy["name"] as? String)
        let pattern = try #require(policy["pattern"] as? String)
        #expect(
          listedPolicies.output.contains("\(vhost)\t\(name)\t\(pattern)\t"),
          "\(listedPolicies.output)")
      }
    }
  }
}
