import KilnDiagnostics
import KilnTestSupport
import KilnYAML
import Testing

/// Realistic documents that damaged copies are made from.
enum FuzzCorpus {
  static let inventory = """
    # Ansible YAML inventory for the prod control plane
    all:
      vars:
        ansible_user: kolla
        kolla_internal_vip_address: 10.0.0.250
      children:
        control:
          hosts:
            ctl01: {ansible_host: 10.0.0.11, rack: r1}
            ctl02: {ansible_host: 10.0.0.12, rack: r2}
            ctl03:
              ansible_host: 10.0.0.13
              rack: "r3"
          vars:
            galera_bootstrap: false
        monitoring:
          hosts:
            mon01:
            mon02:
        compute:
          children:
            compute_large:
              hosts: {cmp01: {}, cmp02: {}}
            compute_small:
              hosts:
                cmp03: &small {cpu_model: 'EPYC 7313', ram_gb: 256}
                cmp04: *small
        rabbitmq:
          children: {control: {}}
    """

  static let groupVars = """
    ---
    defaults: &defaults
      max_connections: 4096
      innodb_buffer_pool_size: 8G
    mariadb_settings:
      <<: *defaults
      max_connections: 8192
    rabbitmq_plugins: !append
      - rabbitmq_management
      - rabbitmq_prometheus
    fluentd_monasca_url: "http://{{ kolla_internal_vip_address }}:8070/v2.0"
    keepalived_virtual_router_id: 51
    haproxy_stats_password: !secret haproxy/stats
    motd: |
      Managed by Kiln.
        Do not edit by hand.
    weights: [1.5, .inf, 0x10, 0o17, ~, yes]
    enable_tls: on
    ...
    """

  static let all = [inventory, groupVars]
}

@Suite("Damaged input never traps; whatever parses, the writer round-trips")
struct FuzzTests {
  /// Parses bytes; returns true when a value came back, false for a located error.
  static func parsesOrLocates(_ bytes: [UInt8]) -> Bool {
    if let documents = try? YAMLParser.parseAll(bytes: bytes, file: "fuzz.yaml") {
      for document in documents { _ = YAMLWriter.write(document.root) }
    }
    do {
      let document = try YAMLParser.parse(bytes: bytes, file: "fuzz.yaml")
      let written = YAMLWriter.write(document.root)
      let reread = try? YAMLParser.parse(written, file: "written.yaml")
      #expect(
        reread?.root.hasSameValue(as: document.root) == true,
        "damaged input:\n\(String(decoding: bytes, as: UTF8.self))\nwritten:\n\(written)")
      return true
    } catch {
      let location = error.diagnostic.location
      #expect(location?.file == "fuzz.yaml")
      #expect((location?.line ?? 0) >= 1)
      #expect((location?.column ?? 0) >= 1)
      #expect(error.diagnostic.id.rawValue.hasPrefix("KLN1"))
      #expect(error.diagnostic.hint != nil)
      return false
    }
  }

  @Test("the corpus itself parses")
  func corpusParses() throws {
    for text in FuzzCorpus.all {
      #expect(Self.parsesOrLocates(Array(text.utf8)))
    }
  }

  @Test("every truncation gives a value or a located error", arguments: FuzzCorpus.all.indices)
  func truncations(index: Int) {
    let bytes = Array(FuzzCorpus.all[index].utf8)
    var errors = 0
    for length in 0...bytes.count where !Self.parsesOrLocates(Array(bytes[..<length])) {
      errors += 1
    }
    #expect(errors > 0)
  }

  @Test("bit flips give a value or a located error", arguments: FuzzCorpus.all.indices)
  func bitFlips(index: Int) {
    let bytes = Array(FuzzCorpus.all[index].utf8)
    var generator = SplitMix64(seed: UInt64(index + 1))
    var errors = 0
    for _ in 0..<2000 {
      var damaged = bytes
      for _ in 0..<Int(generator.next() % 3 + 1) {
        let position = Int(generator.next() % UInt64(damaged.count))
        damaged[position] ^= UInt8(1 << (generator.next() % 8))
      }
      if !Self.parsesOrLocates(damaged) { errors += 1 }
    }
    #expect(errors > 0)
  }

  @Test("bytes spliced from YAML indicators give a value or a located error")
  func indicatorSplices() {
    let indicators: [[UInt8]] = [
      Array("\t".utf8), Array(": ".utf8), Array("- ".utf8), Array("&".utf8), Array("*".utf8),
      Array("!".utf8), Array("'".utf8), Array("\"".utf8), Array("[".utf8), Array("{".utf8),
      Array("<<: ".utf8), Array("\n---\n".utf8), Array("%".utf8), [0x00], [0xFF], [0xC3],
    ]
    var generator = SplitMix64(seed: 42)
    for text in FuzzCorpus.all {
      let bytes = Array(text.utf8)
      for _ in 0..<1000 {
        let position = Int(generator.next() % UInt64(bytes.count))
        let insert = indicators[Int(generator.next() % UInt64(indicators.count))]
        _ = Self.parsesOrLocates(Array(bytes[..<position]) + insert + Array(bytes[position...]))
      }
    }
  }
}
