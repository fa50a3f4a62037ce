import Jinja

/// The benchmark's template and variable sets: a kolla-style galera.cnf plus haproxy.cfg for one
/// control host, rendered for many hosts and clusters.
enum BenchmarkFixture {
  /// The template name used in messages.
  static let templateName = "control-plane.cfg.j2"

  /// Hosts in the inventory the variable sets draw clusters from.
  static let inventorySize = 48

  /// A realistic service template: loops over groups and hostvars, conditionals, a macro, `set`,
  /// filters (default, bool, int, round, join, map, selectattr, upper, replace, format).
  static let template = """
    {% set wsrep_driver = '/usr/lib/galera/libgalera_smm.so' if kolla_base_distro in ['debian', 'ubuntu'] else '/usr/lib64/galera/libgalera_smm.so' %}
    {% set members = groups['mariadb'] %}
    {% macro server_line(host, port, backup=false) -%}
        server {{ host }} {{ hostvars[host]['api_interface_address'] }}:{{ port }} {{ haproxy_health_check }}{{ ' backup' if backup }}
    {%- endmacro %}
    # {{ ansible_managed | default('Managed by Kiln') }}
    [client]
    default-character-set=utf8

    [mysqld]
    basedir=/usr
    bind-address={{ api_interface_address }}
    port={{ mariadb_port }}
    log_error=/var/log/kolla/mariadb/mariadb.log
    binlog_format=ROW
    expire_logs_days={{ mariadb_expire_logs_days | default(14) }}
    default-storage-engine=innodb
    innodb_autoinc_lock_mode=2
    datadir=/var/lib/mysql/

    wsrep_cluster_address=gcomm://{% if members | length > 1 %}{% for host in members %}{{ hostvars[host]['api_interface_address'] }}:{{ mariadb_wsrep_port }}{% if not loop.last %},{% endif %}{% endfor %}{% endif %}

    wsrep_provider_options=gmcast.listen_addr=tcp://{{ api_interface_address }}:{{ mariadb_wsrep_port }};ist.recv_addr={{ api_interface_address }}:{{ mariadb_ist_port }}{% for option in mariadb_wsrep_extra_provider_options %};{{ option }}{% endfor %}

    wsrep_node_address={{ api_interface_address }}:{{ mariadb_wsrep_port }}
    wsrep_provider={{ wsrep_driver }}
    wsrep_cluster_name="{{ database_cluster_name }}"
    wsrep_node_name={{ inventory_hostname }}
    wsrep_sst_method={{ mariadb_wsrep_sst_method }}
    wsrep_sst_auth={{ database_user }}:{{ database_password }}
    wsrep_slave_threads={{ (ansible_processor_vcpus * 2) | int }}
    max_connections={{ mariadb_max_connections }}
    {% set pool_mb = (ansible_memtotal_mb * 0.4) | round | int %}
    {% if pool_mb < mariadb_innodb_buffer_pool_max_mb %}
    innodb_buffer_pool_size = '{{ pool_mb }}M'
    {% else %}
    innodb_buffer_pool_size = '{{ mariadb_innodb_buffer_pool_max_mb }}M'
    {% endif %}

    [sst]
    {% if mariadb_wsrep_sst_method == 'mariabackup' %}
    progress=1
    {% endif %}

    # ---- haproxy ----
    global
        daemon
        log {{ syslog_server }}:{{ syslog_udp_port }} {{ syslog_haproxy_facility }}
        maxconn {{ haproxy_max_connections }}
        nbthread {{ haproxy_threads }}

    defaults
    {% for name, value in haproxy_defaults.items() %}
        {{ name | replace('_', ' ') }} {{ value }}
    {% endfor %}

    listen stats
        bind {{ api_interface_address }}:{{ haproxy_stats_port }}
        stats auth {{ haproxy_user }}:{{ haproxy_password }}

    frontend status
        bind {{ api_interface_address }}:{{ haproxy_monitor_port }}
    {% if api_interface_address != kolla_internal_vip_address %}
        bind {{ kolla_internal_vip_address }}:{{ haproxy_monitor_port }}
    {% endif %}
    {% for service in haproxy_services | selectattr('enabled') %}

    listen {{ service.name }}
        mode {{ service.mode | default('http') }}
        bind {{ kolla_internal_vip_address }}:{{ service.port }}
    {% if service.external | default(false) | bool %}
        bind {{ kolla_external_vip_address }}:{{ service.port }} {{ 'ssl crt %s' | format(haproxy_cert) }}
    {% endif %}
    {% for host in groups[service.group] %}
    {{ server_line(host, service.port, backup=(service.active_passive | default(false) and not loop.first)) }}
    {% endfor %}
    {% endfor %}

    # backends: {{ haproxy_services | selectattr('enabled') | map(attribute='name') | map('upper') | join(', ') }}

    """

  /// Variables shared by every set (group_vars, inventory, hostvars).
  static func baseVariables() -> [String: Value] {
    let hosts = (1...inventorySize).map { "ctl\(String(format: "%02d", $0))" }
    var hostvars = ValueMap()
    for (index, host) in hosts.enumerated() {
      hostvars[host] = .map(
        ValueMap([
          (.string("api_interface_address"), .string("10.10.\(index / 200).\(10 + index % 200)")),
          (.string("ansible_hostname"), .string(host)),
        ]))
    }
    let strings: [(String, String)] = [
      ("kolla_base_distro", "ubuntu"), ("database_cluster_name", "openstack"),
      ("database_user", "root"), ("database_password", "s3cret"),
      ("mariadb_wsrep_sst_method", "mariabackup"), ("syslog_server", "10.10.0.5"),
      ("syslog_haproxy_facility", "local1"), ("haproxy_user", "openstack"),
      ("haproxy_password", "hpass"), ("kolla_internal_vip_address", "10.10.0.250"),
      ("kolla_external_vip_address", "203.0.113.10"),
      ("haproxy_health_check", "check inter 2000 rise 2 fall 5"),
      ("haproxy_cert", "/etc/haproxy/haproxy.pem"),
    ]
    let integers: [(String, Int)] = [
      ("mariadb_port", 3306), ("mariadb_wsrep_port", 4567), ("mariadb_ist_port", 4568),
      ("mariadb_max_connections", 10000), ("mariadb_innodb_buffer_pool_max_mb", 8192),
      ("syslog_udp_port", 5140), ("haproxy_max_connections", 40000), ("haproxy_threads", 4),
      ("haproxy_stats_port", 1984), ("haproxy_monitor_port", 61313),
    ]
    var variables: [String: Value] = [:]
    for (name, text) in strings { variables[name] = .string(text) }
    for (name, number) in integers { variables[name] = .int(number) }
    variables["mariadb_wsrep_extra_provider_options"] = .list([
      .string("gcache.size=1G"), .string("evs.suspect_timeout=PT10S"),
    ])
    variables["hostvars"] = .map(hostvars)
    variables["haproxy_defaults"] = .map(
      ValueMap(
        [
          ("timeout_connect", "10s"), ("timeout_client", "1m"), ("timeout_server", "1m"),
          ("timeout_check", "10s"), ("balance", "roundrobin"), ("retries", "3"),
        ].map { (Value.string($0.0), Value.string($0.1)) }))
    variables["haproxy_services"] = .list(services())
    return variables
  }

  private static func services() -> [Value] {
    let specs: [(String, Int, String, Bool, Bool)] = [
      ("mariadb", 3306, "tcp", false, true), ("rabbitmq_management", 15672, "http", false, false),
      ("keystone_internal", 5000, "http", false, false),
      ("keystone_external", 5000, "http", true, false),
      ("glance_api", 9292, "http", true, false), ("nova_api", 8774, "http", true, false),
      ("placement_api", 8780, "http", true, false), ("neutron_server", 9696, "http", true, false),
      ("horizon", 80, "http", true, false), ("memcached", 11211, "tcp", false, true),
    ]
    return specs.enumerated().map { index, spec in
      .map(
        ValueMap([
          (.string("name"), .string(spec.0)), (.string("port"), .int(spec.1)),
          (.string("mode"), .string(spec.2)), (.string("external"), .bool(spec.3)),
          (.string("active_passive"), .bool(spec.4)), (.string("enabled"), .bool(index != 6)),
          (.string("group"), .string(index % 3 == 0 ? "mariadb" : "control")),
        ]))
    }
  }

  /// The per-host variables of set `index`: the host, its facts and its cluster's groups.
  static func overrides(_ index: Int) -> [String: Value] {
    let clusterSize = [1, 3, 3, 5, 7][index % 5]
    let first = (index * 7) % (inventorySize - clusterSize)
    let members = (first..<first + clusterSize).map {
      Value.string("ctl\(String(format: "%02d", $0 + 1))")
    }
    let me = members[index % clusterSize]
    guard case .string(let host) = me else { return [:] }
    let ordinal = Int(host.dropFirst(3)) ?? 1
    return [
      "inventory_hostname": me,
      "api_interface_address": .string("10.10.\((ordinal - 1) / 200).\(10 + (ordinal - 1) % 200)"),
      "ansible_memtotal_mb": .int(8192 * (1 + index % 16)),
      "ansible_processor_vcpus": .int(4 << (index % 4)),
      "groups": .map(
        ValueMap([(.string("mariadb"), .list(members)), (.string("control"), .list(members))])),
    ]
  }
}

/// Per-set variables layered over the shared ones, as Kiln's compiler resolves them.
struct LayeredVariables: VariableResolver {
  /// The host's own variables (searched first).
  var top: [String: Value]
  /// The shared variables.
  var base: [String: Value]

  func resolve(_ name: String) throws -> Value? { top[name] ?? base[name] }
}
