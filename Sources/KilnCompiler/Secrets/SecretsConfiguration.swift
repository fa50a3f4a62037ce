import KilnDiagnostics
import KilnModel
import KilnSecrets
import KilnYAML

/// An environment's `secrets:` section in env.yaml: who can read its secrets.
///
/// ```yaml
/// secrets:
///   recipients: [age1…, age1…]   # people and CI
///   executor: age1…              # the executor that installs bundles
/// ```
public struct SecretsConfiguration: Sendable, Equatable {
  /// People and CI (`secrets.recipients`).
  public var recipients: [AgeRecipient]
  /// The executor's recipient (`secrets.executor`).
  public var executor: AgeRecipient?

  /// Every recipient, executor included, without duplicates, sorted by their `age1…` form.
  public var allRecipients: [AgeRecipient] {
    Array(Set(recipients + (executor.map { [$0] } ?? []))).sorted { $0.encoded < $1.encoded }
  }

  /// An empty configuration.
  public init(recipients: [AgeRecipient] = [], executor: AgeRecipient? = nil) {
    self.recipients = recipients
    self.executor = executor
  }

  /// Reads the `secrets:` node of env.yaml (nil when absent).
  public init(node: YAMLNode?) throws(Diagnostic) {
    self.init()
    guard let node else { return }
    guard let pairs = node.mappingPairs else {
      throw Self.invalid("'secrets' must be a map with 'recipients' and 'executor'", at: node)
    }
    for pair in pairs {
      switch pair.key.string {
      case "recipients":
        guard let items = pair.value.sequenceItems else {
          throw Self.invalid(
            "'secrets.recipients' must be a list of age1… recipients", at: pair.value)
        }
        for item in items { recipients.append(try Self.recipient(item)) }
      case "executor":
        executor = try Self.recipient(pair.value)
      default:
        throw Self.invalid(
          "unknown key '\(pair.key.string ?? "?")' in 'secrets' (known: recipients, executor)",
          at: pair.key)
      }
    }
  }

  /// The configuration in force for `environment`: its own recipients and those of its chain
  /// (base first), and the most specific `executor`.
  public static func effective(for environment: String, in repository: KilnRepository)
    throws(Diagnostic) -> SecretsConfiguration
  {
    var result = SecretsConfiguration()
    for name in repository.chain(of: environment) ?? [environment] {
      let own = try SecretsConfiguration(node: repository.environment(named: name)?.secrets)
      result.recipients += own.recipients.filter { !result.recipients.contains($0) }
      result.executor = own.executor ?? result.executor
    }
    return result
  }

  private static func recipient(_ node: YAMLNode) throws(Diagnostic) -> AgeRecipient {
    guard let text = node.string else {
      throw invalid("expected an age1… recipient, found \(node.kindName)", at: node)
    }
    do {
      return try AgeRecipient(parsing: text)
    } catch {
      throw invalid(error.message, at: node)
    }
  }

  private static func invalid(_ message: String, at node: YAMLNode) -> Diagnostic {
    Diagnostic(
      id: SecretDiagnostics.invalidConfiguration, message: message, location: node.location,
      hint: "write secrets: {recipients: [age1…], executor: age1…} (age-keygen -y prints one)")
  }
}
