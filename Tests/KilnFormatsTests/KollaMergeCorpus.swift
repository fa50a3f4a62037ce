/// One differential case: INI sources merged in order, compared with kolla-ansible's output.
struct KollaMergeCase: Sendable, CustomStringConvertible {
  /// A short name shown when the case fails.
  var name: String
  /// The sources' bytes, merged in order.
  var sources: [[UInt8]]
  /// kolla's `whitespace` option.
  var whitespace: Bool = true

  init(_ name: String, _ sources: [String], whitespace: Bool = true) {
    self.name = name
    self.sources = sources.map { Array($0.utf8) }
    self.whitespace = whitespace
  }

  init(_ name: String, bytes: [[UInt8]]) {
    self.name = name
    self.sources = bytes
  }

  var description: String { name }
}

/// Realistic fragments, combined into chains by `KollaMergeCorpus.chains`.
enum KollaFragments {
  static let novaBase = """
    [DEFAULT]
    debug = False
    log_dir = /var/log/kolla/nova
    state_path = /var/lib/nova
    osapi_compute_listen = 10.0.0.11
    transport_url = rabbit://openstack:secret@10.0.0.11:5672,openstack:secret@10.0.0.12:5672//

    [api]
    use_forwarded_for = true

    [conductor]
    workers = 5

    [oslo_messaging_notifications]
    transport_url = rabbit://openstack:secret@10.0.0.11:5672//
    driver = noop

    [database]
    connection = mysql+pymysql://nova:secret@10.0.0.250:3306/nova
    connection_recycle_time = 10
    max_pool_size = 1
    max_retries = -1

    """
  static let novaOverride = """
    [DEFAULT]
    debug = True
    cpu_allocation_ratio = 16.0
    ram_allocation_ratio = 1.5

    [database]
    max_pool_size = 50

    [filter_scheduler]
    enabled_filters = ComputeFilter, ImagePropertiesFilter, ServerGroupAntiAffinityFilter
    """
  static let novaHostOverride = """
    [DEFAULT]
    reserved_host_memory_mb = 4096
    [libvirt]
    cpu_mode = host-passthrough
    images_type = rbd
    """
  static let galeraBase = """
    [client]
    default-character-set = utf8

    [mysql]
    default-character-set = utf8

    [mysqld]
    bind-address = 10.0.0.11
    port = 3306
    log-error = /var/log/kolla/mariadb/mariadb.log
    log-bin = mysql-bin
    binlog_format = ROW
    default-storage-engine = innodb
    innodb_autoinc_lock_mode = 2
    max_connections = 10000
    key_buffer_size = '64M'
    max_heap_table_size = '1G'
    tmp_table_size = '1G'
    innodb_buffer_pool_size = '8192M'
    wsrep_on = ON
    wsrep_cluster_address = gcomm://10.0.0.11:4567,10.0.0.12:4567,10.0.0.13:4567
    wsrep_provider_options = gmcast.listen_addr=tcp://10.0.0.11:4567;ist.recv_addr=10.0.0.11:4568
    wsrep_node_address = 10.0.0.11:4567
    wsrep_sst_receive_address = 10.0.0.11:4444
    wsrep_provider = /usr/lib/galera/libgalera_smm.so
    wsrep_cluster_name = "openstack"
    wsrep_node_name = ctl01
    wsrep_sst_method = mariabackup
    wsrep_sst_auth = "root:secret"

    [sst]
    streamfmt = mbstream

    """
  static let galeraOverride = """
    [mysqld]
    max_connections = 8192
    innodb_buffer_pool_size = 16G
    innodb_log_file_size = 2G
    """
  static let orphanTop = """
    # global options
    foo = bar
    baz: qux
    [first]
    a = 1
    """
  static let multiValue = """
    [DEFAULT]
    enabled_apis = osapi_compute
    enabled_apis = metadata
    [pci]
    passthrough_whitelist = { "vendor_id": "8086", "product_id": "10fb" }
    passthrough_whitelist = { "vendor_id": "8086", "product_id": "10fc" }
    """
  static let continuation = """
    [DEFAULT]
    long_option = first line
      second line
    \tthird line with tab
    next = 2
    """
  static let commentStyles = """
    # hash comment
    ; semicolon comment
    [DEFAULT]
    # key = commented
    ;key2 = commented
    key3 = value # not a comment
    key4 = value ; not a comment either
    """
  static let quoted = """
    [DEFAULT]
    a = "double"
    b = 'single'
    c = "mismatched'
    d = ""
    e = "inner "quotes" kept"
    f = "
    g = '  spaced  '
    """
  static let keystoneAuth = """
    [keystone_authtoken]
    www_authenticate_uri = http://10.0.0.250:5000
    auth_url = http://10.0.0.250:5000
    auth_type = password
    project_domain_id = default
    user_domain_id = default
    project_name = service
    username = nova
    password = secret
    memcache_security_strategy = ENCRYPT
    memcache_secret_key = secret
    memcached_servers = 10.0.0.11:11211,10.0.0.12:11211
    """
  static let emptyValues = """
    [DEFAULT]
    empty =
    colon_empty:
    spaced =    \t
    """
  static let all: [(String, String)] = [
    ("nova", novaBase), ("nova-override", novaOverride), ("nova-host", novaHostOverride),
    ("galera", galeraBase), ("galera-override", galeraOverride), ("orphan", orphanTop),
    ("multi", multiValue), ("continuation", continuation), ("comments", commentStyles),
    ("quoted", quoted), ("keystone", keystoneAuth), ("empty", emptyValues),
  ]
}
