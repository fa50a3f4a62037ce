import Foundation
import Testing

extension DaemonTests {
  /// The loopback rewrite touches listeners, ports and paths and nothing else.
  @Suite struct RabbitMQRewriteRules {
    static let ports = (amqp: 21001, management: 21002, prometheus: 21003, distribution: 21004)

    @Test func configKeepsEveryOtherLine() throws {
      let rendered = try RenderedExample(environment: "prod")
      defer { rendered.remove() }
      let source = rendered.host("ctl01").appendingPathComponent("rabbitmq")
      let original = try readText(source.appendingPathComponent("rabbitmq.conf"))
      let rewritten = RabbitMQRewrite.config(original, ports: Self.ports, definitions: "/d.json")
      let before = original.split(separator: "\n", omittingEmptySubsequences: false)
      let after = rewritten.split(separator: "\n", omittingEmptySubsequences: false)
      try #require(before.count == after.count)
      var changed: [String] = []
      for (old, new) in zip(before, after) where old != new {
        changed.append(String(new))
      }
      #expect(
        changed == [
          "listeners.tcp.1 = 127.0.0.1:21001", "management.listener.ip = 127.0.0.1",
          "management.listener.port = 21002", "management.load_definitions = /d.json",
          "prometheus.tcp.ip = 127.0.0.1", "prometheus.tcp.port = 21003",
        ])
    }

    @Test func advancedConfigMovesOnlyDistribution() {
      let text = """
        [{kernel, [{inet_dist_use_interface, {10,0,0,11}}, {inet_dist_listen_min, 25672},
          {inet_dist_listen_max, 25672}]}, {rabbit, [{tcp_listen_options, [{backlog, 128}]}]}].
        """
      let rewritten = RabbitMQRewrite.advanced(text, port: 21004)
      #expect(
        rewritten == """
          [{kernel, [{inet_dist_use_interface, {127,0,0,1}}, {inet_dist_listen_min, 21004},
            {inet_dist_listen_max, 21004}]}, {rabbit, [{tcp_listen_options, [{backlog, 128}]}]}].
          """)
    }

    @Test func environmentValueDropsOuterQuotes() {
      let text = "RABBITMQ_NODENAME=rabbit@ctl01\nRABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=\"+S 2:2\"\n"
      #expect(
        RabbitMQRewrite.environmentValue(text, name: "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS")
          == "+S 2:2")
      #expect(RabbitMQRewrite.environmentValue(text, name: "ERL_EPMD_PORT") == nil)
    }
  }
}
