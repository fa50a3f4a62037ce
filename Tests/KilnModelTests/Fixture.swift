import Jinja
import KilnDiagnostics
import KilnModel

/// A small but complete repository: base → prod, services, an overlay, vars at every level.
enum Fixture {
  /// One template engine shared by every test (an environment is thread-safe).
  static let engine = Jinja.Environment()

  static let files: [String: String] = [
    "kiln.yaml": "kiln: 1\ndefault-env: prod\n",
    "environments/base/env.yaml": "description: shared settings\n",
    "environments/base/inventory.yaml": """
    all:
      vars:
        level: all-inventory-base
        from_all_inventory: 1
      children:
        control:
          hosts:
            ctl01:
              ansible_host: 10.0.0.1
              level: host-inventory-base
          vars:
            level: control-inventory-base
        compute:
          children:
            compute_big: {}
            compute_small: {}
    """,
    "environments/base/group_vars/all.yaml": """
    level: all-groupvars-base
    ntp_servers: [ntp1, ntp2]
    mariadb:
      max_connections: 100
      buffer_pool: 1G
    """,
    "environments/base/group_vars/control.yaml": "level: control-groupvars-base\n",
    "environments/base/group_vars/compute/10-first.yaml": "level: compute-10\nfirst: 1\n",
    "environments/base/group_vars/compute/20-second.yml": "level: compute-20\nsecond: 2\n",
    "environments/base/group_vars/compute_big.yaml": "level: compute_big\n",
    "environments/base/host_vars/ctl01.yaml": "level: host-hostvars-base\n",
    "environments/prod/env.yaml": """
    inherits: [base]
    overlays: [tuning, compute-only]
    rollout:
      batch: 1
    trust:
      keys: [a]
    """,
    "environments/prod/inventory.yaml": """
    all:
      vars:
        level: all-inventory-prod
      children:
        control:
          hosts:
            ctl02: {ansible_host: 10.0.0.2}
            ctl03:
        compute_big:
          hosts:
            cmp01:
        compute_small:
          hosts:
            cmp02:
        monitoring:
          hosts:
            mon01:
      hosts:
        loner:
    """,
    "environments/prod/group_vars/all.yaml": """
    level: all-groupvars-prod
    ntp_servers: !append [ntp3]
    mariadb:
      max_connections: 200
      wsrep: true
    """,
    "environments/prod/group_vars/control.yaml": "level: control-groupvars-prod\n",
    "environments/prod/host_vars/ctl01.yaml": "level: host-hostvars-prod\n",
    "templates/mariadb/service.yaml": """
    name: mariadb
    hosts: control
    restart: [mariadb]
    files:
      - {src: galera.cnf.j2, dest: mariadb/galera.cnf, format: ini, mode: "0640"}
    """,
    "templates/mariadb/defaults.yaml": "level: defaults\nmariadb_port: 3306\nshared: same\n",
    "templates/mariadb/galera.cnf.j2": "[mysqld]\nport = {{ mariadb_port }}\n",
    "templates/nova/service.yaml": """
    name: nova
    hosts: compute
    files:
      - {src: nova.conf.j2, dest: nova/nova.conf, format: ini, secret: true}
    """,
    "templates/nova/defaults.yaml": "nova_cpu_mode: host-model\nshared: same\n",
    "templates/nova/nova.conf.j2": "[DEFAULT]\n",
    "overlays/tuning/overlay.yaml": """
    description: bigger databases on control nodes
    applies-to: {envs: [prod], groups: [control], services: [mariadb]}
    values:
      level: overlay-tuning
      mariadb: {max_connections: 8192}
    patches:
      - {file: mariadb/galera.cnf, merge: ini, with: galera.cnf}
    """,
    "overlays/tuning/galera.cnf": "[mysqld]\nmax_connections = 8192\n",
    "overlays/compute-only/overlay.yaml": """
    applies-to: {services: [nova]}
    values: {compute_overlay: yes-it-is}
    """,
  ]

  /// The fixture with some files replaced (a value) or removed (nil).
  static func files(_ changes: [String: String?]) -> [String: String] {
    var result = files
    for (path, text) in changes { result[path] = text }
    return result
  }

  /// Loads the fixture with `changes` applied.
  static func load(_ changes: [String: String?] = [:]) throws(DiagnosticsError) -> KilnRepository {
    try KilnRepository.load(from: MemorySource(files(changes)))
  }

  /// Resolves `environment` of the fixture with `changes` applied.
  static func resolve(
    _ environment: String = "prod", _ changes: [String: String?] = [:],
    overrides: [VariableOverride] = []
  ) throws -> ResolvedEnvironment {
    try load(changes).resolve(
      environment: environment, overrides: overrides, engine: Fixture.engine)
  }

  /// The diagnostics thrown when loading the fixture with `changes`, or [] if it loads.
  static func diagnostics(_ changes: [String: String?]) -> [Diagnostic] {
    do {
      _ = try load(changes)
      return []
    } catch {
      return error.diagnostics
    }
  }
}
