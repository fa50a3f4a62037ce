import KilnDiagnostics

/// One check: a name and a function from a compiled environment to findings.
public struct CheckRule: Sendable {
  /// A short name for the rule (`galera-members`).
  public var name: String
  /// Runs the rule.
  public var run: @Sendable (CheckContext) -> [Diagnostic]

  /// A rule named `name` that runs `run`.
  public init(_ name: String, run: @escaping @Sendable (CheckContext) -> [Diagnostic]) {
    self.name = name
    self.run = run
  }
}

/// The single list of rules `kiln check` runs, in no particular order (findings are sorted).
public enum CheckRules {
  /// Every rule. Firmware's KLN5xx validation joins as one more entry here.
  public static let all: [CheckRule] = [
    CheckRule("parse-back", run: ParseBack.findings),
    CheckRule("variable-schema", run: SchemaCheck.findings),
    CheckRule("undefined-variables", run: UndefinedVariables.findings),
    CheckRule("unused-variables", run: UnusedVariables.findings),
    CheckRule("galera-members", run: GaleraMembers.findings),
    CheckRule("galera-quorum", run: GaleraQuorum.findings),
    CheckRule("rabbitmq-cluster", run: RabbitMQCluster.findings),
    CheckRule("hosts-files", run: HostsFileEntries.findings),
    CheckRule("vrrp", run: VRRPInstances.findings),
    CheckRule("address-plan", run: AddressPlan.findings),
    CheckRule("service-coverage", run: ServiceCoverage.findings),
    CheckRule("monasca-output", run: MonascaOutput.findings),
    CheckRule("listener-addresses", run: ListenerAddresses.findings),
  ]
}
