import KilnDiagnostics

/// One fixture repository under `Tests/Fixtures/check/` and the finding it must produce.
struct FixtureCase: Sendable, CustomStringConvertible {
  var name: String
  var id: DiagnosticID
  var file: String
  var line: Int
  var environment = "prod"

  var description: String { name }

  static let prodAll = "environments/prod/group_vars/all.yaml"
  static let prodControl = "environments/prod/group_vars/control.yaml"
  static let prodCompute = "environments/prod/group_vars/compute.yaml"

  static func host(_ name: String) -> String { "environments/prod/host_vars/\(name).yaml" }

  /// Every fixture case.
  static let all: [FixtureCase] = [
    FixtureCase(name: "yaml11-boolean", id: "KLN108", file: prodAll, line: 4),
    FixtureCase(
      name: "schema-malformed", id: "KLN160", file: "templates/mariadb/schema.yaml", line: 3),
    FixtureCase(name: "schema-type", id: "KLN161", file: host("ctl02"), line: 4),
    FixtureCase(name: "schema-enum", id: "KLN162", file: prodControl, line: 8),
    FixtureCase(name: "schema-range", id: "KLN163", file: host("ctl01"), line: 4),
    FixtureCase(name: "schema-pattern", id: "KLN164", file: prodAll, line: 4),
    FixtureCase(name: "schema-required", id: "KLN165", file: "schema.yaml", line: 14),
    FixtureCase(name: "schema-deprecated", id: "KLN166", file: prodAll, line: 4),
    FixtureCase(name: "typo-variable", id: "KLN167", file: prodCompute, line: 3),
    FixtureCase(name: "secret-in-clear", id: "KLN168", file: prodAll, line: 4),
    FixtureCase(name: "unused-variable", id: "KLN169", file: prodCompute, line: 3),
    FixtureCase(
      name: "undefined-variable", id: "KLN210", file: "templates/keepalived/keepalived.conf.j2",
      line: 22),
    FixtureCase(
      name: "parse-back", id: "KLN302", file: "templates/mariadb/galera.cnf.j2", line: 30),
    FixtureCase(name: "galera-members", id: "KLN401", file: host("ctl03"), line: 5),
    FixtureCase(
      name: "galera-group", id: "KLN402", file: "templates/mariadb/galera.cnf.j2", line: 27),
    FixtureCase(
      name: "galera-even", id: "KLN403", file: "templates/mariadb/service.yaml", line: 2),
    FixtureCase(name: "rabbitmq-nodes", id: "KLN404", file: host("ctl02"), line: 6),
    FixtureCase(name: "rabbitmq-cookie", id: "KLN405", file: host("ctl02"), line: 5),
    FixtureCase(
      name: "hosts-duplicate", id: "KLN406", file: "templates/rabbitmq/hosts.j2", line: 6),
    FixtureCase(
      name: "hosts-address", id: "KLN407", file: "templates/rabbitmq/hosts.j2", line: 3),
    FixtureCase(name: "vrrp-router-id", id: "KLN408", file: prodAll, line: 4),
    FixtureCase(name: "vrrp-priority", id: "KLN409", file: host("ctl03"), line: 4),
    FixtureCase(name: "address-network", id: "KLN410", file: host("cmp02"), line: 2),
    FixtureCase(name: "address-network-v6", id: "KLN410", file: host("cmp02"), line: 6),
    FixtureCase(name: "address-duplicate", id: "KLN411", file: host("cmp02"), line: 2),
    FixtureCase(name: "address-duplicate-v6", id: "KLN411", file: host("cmp02"), line: 5),
    FixtureCase(name: "service-coverage", id: "KLN412", file: host("ctl02"), line: 5),
    FixtureCase(name: "monasca-output", id: "KLN413", file: host("mon01"), line: 4),
    FixtureCase(name: "listener-address", id: "KLN414", file: prodControl, line: 9),
    FixtureCase(name: "listener-address-v6", id: "KLN414", file: prodControl, line: 9),
  ]
}
