import Jinja
import KilnYAML

/// Filters Kiln adds to the template engine because they need Kiln's own libraries:
/// `from_yaml` (and `ansible.builtin.from_yaml`) parses with KilnYAML;
/// `rabbitmq_password_hash` hashes with swift-crypto.
enum KilnFilters {
  static let all: [String: Filter] = [
    "from_yaml": fromYAML, "ansible.builtin.from_yaml": fromYAML,
    "rabbitmq_password_hash": RabbitMQPasswordHash.filter,
  ]

  static let fromYAML: Filter = { value, _, context in
    guard case .string(let text) = value else {
      if value.isUndefined { throw context.error("from_yaml got an undefined value") }
      return value
    }
    switch parse(text) {
    case .success(let node):
      return PlainValues.value(of: node)
    case .failure(let error):
      throw context.error(
        "from_yaml: \(error.diagnostic.message)", hint: "the string must be one YAML document")
    }
  }

  static func parse(_ text: String) -> Result<YAMLNode, YAMLError> {
    do {
      return .success(try YAMLParser.parse(text, file: "from_yaml").root)
    } catch {
      return .failure(error)
    }
  }
}
