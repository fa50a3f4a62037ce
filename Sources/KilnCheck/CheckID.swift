import KilnDiagnostics

/// The finding IDs `kiln check` adds, each defined once with its title (SARIF rule names and
/// the README list come from here). Parse-back reuses the format codecs' `KLN3xx`, YAML 1.1
/// booleans KilnYAML's `KLN108`, and render failures the compiler's `KLN2xx`.
public enum CheckID {
  /// A schema.yaml that is itself malformed.
  public static let schemaInvalid: DiagnosticID = "KLN160"
  /// A value of the wrong type for its schema.
  public static let schemaType: DiagnosticID = "KLN161"
  /// A value outside its schema's `enum`.
  public static let schemaEnum: DiagnosticID = "KLN162"
  /// A number outside its schema's `min`/`max`.
  public static let schemaRange: DiagnosticID = "KLN163"
  /// A string that does not match its schema's `pattern`.
  public static let schemaPattern: DiagnosticID = "KLN164"
  /// A `required` variable that is not defined.
  public static let schemaRequired: DiagnosticID = "KLN165"
  /// A deprecated variable that is still set.
  public static let schemaDeprecated: DiagnosticID = "KLN166"
  /// A variable that looks like a typo of a known one.
  public static let unknownVariable: DiagnosticID = "KLN167"
  /// A `secret` variable given in clear instead of `!secret`.
  public static let secretInClear: DiagnosticID = "KLN168"
  /// A group_vars/host_vars variable no template reads.
  public static let unusedVariable: DiagnosticID = "KLN169"
  /// A variable a template can reach that is undefined on some hosts that render it.
  public static let undefinedVariable: DiagnosticID = "KLN210"
  /// Galera member lists differ between members.
  public static let galeraMembersDiffer: DiagnosticID = "KLN401"
  /// A Galera member list that is not the Galera group.
  public static let galeraMembersGroup: DiagnosticID = "KLN402"
  /// An even Galera cluster without an arbitrator.
  public static let galeraEvenCluster: DiagnosticID = "KLN403"
  /// RabbitMQ cluster node lists that differ or do not match the group.
  public static let rabbitNodes: DiagnosticID = "KLN404"
  /// RabbitMQ Erlang cookies that differ across the cluster.
  public static let rabbitCookie: DiagnosticID = "KLN405"
  /// A name that appears more than once in a rendered hosts file.
  public static let hostsDuplicate: DiagnosticID = "KLN406"
  /// A host's name that does not resolve to its API address.
  public static let hostsWrongAddress: DiagnosticID = "KLN407"
  /// Two VRRP instances sharing a virtual_router_id on one segment.
  public static let vrrpRouterID: DiagnosticID = "KLN408"
  /// Equal VRRP priorities within one instance.
  public static let vrrpPriority: DiagnosticID = "KLN409"
  /// An address outside its declared network.
  public static let addressOutsideNetwork: DiagnosticID = "KLN410"
  /// One address used by two hosts.
  public static let addressDuplicate: DiagnosticID = "KLN411"
  /// A host in a service's group that does not render the service.
  public static let serviceNotRendered: DiagnosticID = "KLN412"
  /// A fluentd host that ships no logs to Monasca.
  public static let monascaOutputMissing: DiagnosticID = "KLN413"
  /// A listener bound to an address the host does not own.
  public static let listenerForeignAddress: DiagnosticID = "KLN414"

  /// Every ID `kiln check` can report with a one-line title, sorted by ID.
  public static let catalogue: [(id: DiagnosticID, title: String)] = [
    ("KLN108", "YAML 1.1 boolean read as a string by YAML 1.2"),
    (schemaInvalid, "malformed variable schema"),
    (schemaType, "value has the wrong type"),
    (schemaEnum, "value not among the allowed values"),
    (schemaRange, "number out of range"),
    (schemaPattern, "string does not match the pattern"),
    (schemaRequired, "required variable undefined"),
    (schemaDeprecated, "deprecated variable set"),
    (unknownVariable, "unknown variable, probably a typo"),
    (secretInClear, "secret variable given in clear"),
    (unusedVariable, "variable set but never read"),
    ("KLN201", "template syntax error"),
    ("KLN202", "undefined variable while rendering"),
    ("KLN203", "type error while rendering"),
    ("KLN204", "unknown filter or test"),
    ("KLN205", "included template not found"),
    ("KLN206", "recursive include or macro"),
    ("KLN209", "render failure"),
    (undefinedVariable, "template can reach an undefined variable"),
    ("KLN301", "rendered file is not valid UTF-8"),
    ("KLN302", "rendered INI does not parse"),
    ("KLN303", "rendered JSON does not parse"),
    ("KLN305", "rendered rabbitmq.conf does not parse"),
    ("KLN306", "rendered Erlang term file does not parse"),
    ("KLN307", "rendered fluentd config does not parse"),
    ("KLN308", "rendered hosts file does not parse"),
    ("KLN309", "unknown file format"),
    (galeraMembersDiffer, "Galera member lists differ between members"),
    (galeraMembersGroup, "Galera member list is not the Galera group"),
    (galeraEvenCluster, "even Galera cluster without an arbitrator"),
    (rabbitNodes, "RabbitMQ cluster node list wrong or differing"),
    (rabbitCookie, "RabbitMQ Erlang cookie differs across the cluster"),
    (hostsDuplicate, "name appears more than once in a hosts file"),
    (hostsWrongAddress, "host name does not resolve to its API address"),
    (vrrpRouterID, "VRRP virtual_router_id shared on one segment"),
    (vrrpPriority, "equal VRRP priorities in one instance"),
    (addressOutsideNetwork, "address outside its declared network"),
    (addressDuplicate, "address used by two hosts"),
    (serviceNotRendered, "host in a service group does not render the service"),
    (monascaOutputMissing, "fluentd host without Monasca output"),
    (listenerForeignAddress, "listener bound to an address the host does not own"),
  ]
}
