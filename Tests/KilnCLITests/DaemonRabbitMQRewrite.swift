import Foundation

/// The rewrites that move a host's rendered RabbitMQ files onto loopback.
enum RabbitMQRewrite {
  /// `rabbitmq.conf` with listeners on 127.0.0.1 and the given ports and the definitions file
  /// at `definitions`; every other line is kept as rendered.
  static func config(
    _ text: String, ports: (amqp: Int, management: Int, prometheus: Int, distribution: Int),
    definitions: String
  ) -> String {
    let replacements: [(prefix: String, value: String)] = [
      ("listeners.tcp.", "127.0.0.1:\(ports.amqp)"),
      ("management.listener.ip", "127.0.0.1"), ("management.tcp.ip", "127.0.0.1"),
      ("management.listener.port", "\(ports.management)"),
      ("management.tcp.port", "\(ports.management)"),
      ("prometheus.tcp.ip", "127.0.0.1"), ("prometheus.tcp.port", "\(ports.prometheus)"),
      ("management.load_definitions", definitions), ("load_definitions", definitions),
    ]
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard let (key, _) = keyValue(line) else { return String(line) }
      guard let replacement = replacements.first(where: { key.hasPrefix($0.prefix) }) else {
        return String(line)
      }
      return "\(key) = \(replacement.value)"
    }
    return lines.joined(separator: "\n")
  }

  /// `advanced.config` with Erlang distribution on 127.0.0.1 and `port`.
  static func advanced(_ text: String, port: Int) -> String {
    text
      .replacing(
        #/\{inet_dist_use_interface,\s*\{[0-9,\s]+\}\}/#,
        with: "{inet_dist_use_interface, {127,0,0,1}}"
      )
      .replacing(#/\{inet_dist_listen_(min|max),\s*[0-9]+\}/#) { match in
        "{inet_dist_listen_\(match.output.1), \(port)}"
      }
  }

  /// A `key = value` line of `rabbitmq.conf`, or nil for comments and blank lines.
  static func keyValue(_ line: Substring) -> (key: String, value: String)? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    guard !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") else { return nil }
    return (
      trimmed[..<equals].trimmingCharacters(in: .whitespaces),
      trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
    )
  }

  /// Every `key = value` of a `rabbitmq.conf`, last one wins.
  static func settings(_ text: String) -> [String: String] {
    var settings: [String: String] = [:]
    for line in text.split(separator: "\n") {
      if let (key, value) = keyValue(line) { settings[key] = value }
    }
    return settings
  }

  /// The value of `name` in a `rabbitmq-env.conf` (`NAME=value` or `export NAME=value`),
  /// without its outer double quotes.
  static func environmentValue(_ text: String, name: String) -> String? {
    for line in text.split(separator: "\n") {
      var entry = line.trimmingCharacters(in: .whitespaces)
      if entry.hasPrefix("export ") { entry = String(entry.dropFirst(7)) }
      guard entry.hasPrefix(name + "=") else { continue }
      var value = String(entry.dropFirst(name.count + 1))
      if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
        value = String(value.dropFirst().dropLast())
      }
      return value
    }
    return nil
  }
}
