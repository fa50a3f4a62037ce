import Foundation

/// Golden inputs beside the tests, read through `#filePath` (the test target has no resources).
enum GoldenFiles {
  /// The folder holding the golden files.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  /// The bytes of golden file `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent(name)))
  }

  /// Every golden input with its format.
  static let inputs: [(name: String, format: String)] = [
    ("galera.cnf", "ini"), ("rabbitmq.conf", "rabbitmq"), ("advanced.config", "erlang-term"),
    ("enabled_plugins", "erlang-term"), ("hosts", "hosts"), ("definitions.json", "json"),
    ("td-agent.conf", "fluentd"), ("services.yaml", "yaml"), ("rabbitmq-env.conf", "text"),
  ]
}
