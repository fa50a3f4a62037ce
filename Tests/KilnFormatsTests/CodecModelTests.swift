import KilnFormats
import Testing

/// The semantic models the codecs expose, on the golden inputs.
@Suite struct CodecModelTests {
  static func parsed(_ name: String) throws -> ParsedFile {
    let format = try #require(GoldenFiles.inputs.first { $0.name == name }?.format)
    return try FormatCodec.parse(try GoldenFiles.bytes(name), format: format, file: name)
  }

  static func entry(_ file: ParsedFile, _ path: String) -> String? {
    file.semanticEntries().first { $0.path == path }?.value
  }

  @Test func iniEntriesKeepRepeatedKeysAndStripQuotes() throws {
    let file = try Self.parsed("galera.cnf")
    #expect(Self.entry(file, "mysqld.wsrep_cluster_name") == "openstack")
    #expect(Self.entry(file, "mysqld.init-connect") == "SET NAMES utf8")
    let repeated = try IniParser.parse(Array("a = 1\n[s]\nk = x\n  y\nk =\n".utf8), file: "f")
    #expect(repeated.semanticEntries().map(\.path) == ["a", "s.k", "s.k[1]"])
    #expect(repeated.semanticEntries().map(\.value) == ["1", "x\ny", ""])
    #expect(repeated.sections.first?.name == nil)
  }

  @Test func rabbitSettingsAreDottedKeys() throws {
    guard case .rabbitmq(let config) = try Self.parsed("rabbitmq.conf") else {
      Issue.record("expected a rabbitmq model")
      return
    }
    #expect(config.value(of: "cluster_formation.classic_config.nodes.3") == "rabbit@ctl03")
    #expect(config.settings.count == 12)
    let overridden = try RabbitConfig.parse(Array("a.b = 1 # first\na.b = 2\n".utf8), file: "f")
    #expect(overridden.semanticEntries().map(\.value) == ["2"])
  }

  @Test func erlangProplistsBecomePaths() throws {
    let advanced = try Self.parsed("advanced.config")
    #expect(Self.entry(advanced, "kernel.inet_dist_listen_min") == "25672")
    #expect(Self.entry(advanced, "kernel.inet_dist_use_interface") == "{10, 0, 0, 11}")
    #expect(Self.entry(advanced, "rabbit.tcp_listen_options.nodelay") == "true")
    let plugins = try Self.parsed("enabled_plugins")
    #expect(
      plugins.semanticEntries().map(\.path) == ["rabbitmq_management", "rabbitmq_prometheus"])
  }

  @Test func erlangSyntaxCoverage() throws {
    let text =
      "%% comment\n{'Quoted atom', \"str\\n\", <<\"bin\">>, -12, 16#ff, $a, 1.5e3, [a | b], #{k => v}}.\n[]."
    let document = try ErlangParser.parse(Array(text.utf8), file: "f")
    #expect(document.terms.count == 2)
    #expect(
      document.terms.first?.text
        == "{'Quoted atom', \"str\\n\", <<\"bin\">>, -12, 16#ff, $a, 1.5e3, [a | b], #{k => v}}")
    let written = ErlangWriter.write(document)
    #expect(try ErlangParser.parse(Array(written.utf8), file: "f") == document)
  }

  @Test func advancedConfigIsWrittenIndented() throws {
    let file = try Self.parsed("advanced.config")
    let expected = """
      [
        {kernel, [
          {inet_dist_use_interface, {10, 0, 0, 11}},
          {inet_dist_listen_min, 25672},
          {inet_dist_listen_max, 25672}
        ]},
        {rabbit, [
          {tcp_listen_options, [
            {backlog, 128},
            {nodelay, true},
            {keepalive, true}
          ]}
        ]}
      ].

      """
    #expect(String(decoding: file.written(), as: UTF8.self) == expected)
  }

  @Test func hostsMapNamesToAddresses() throws {
    guard case .hosts(let hosts) = try Self.parsed("hosts") else {
      Issue.record("expected a hosts model")
      return
    }
    #expect(hosts.addressesByName().first { $0.name == "ctl02" }?.addresses == ["10.0.0.12"])
    let twice = try HostsFile.parse(
      Array("10.0.0.1 a b # c\n::1 a\nfe80::1%eth0 c\n".utf8), file: "f")
    #expect(twice.semanticEntries().map(\.path) == ["a", "b", "c"])
    #expect(twice.semanticEntries().map(\.value) == ["10.0.0.1,::1", "10.0.0.1", "fe80::1%eth0"])
  }

  @Test func fluentdMonascaOutputBlock() throws {
    guard case .fluentd(let config) = try Self.parsed("td-agent.conf") else {
      Issue.record("expected a fluentd model")
      return
    }
    let match = try #require(config.root.children(named: "match").first)
    #expect(match.argument == "**")
    let store = try #require(match.children(named: "store").first)
    #expect(store.parameter("@type") == "monasca")
    #expect(store.parameter("keystone_url") == "http://10.0.0.250:5000")
    #expect(store.children(named: "buffer").first?.parameter("flush_interval") == "15s")
    #expect(config.root.parameter("@include") == "conf.d/*.conf")
    let block = FluentdConfig(root: FluentdElement(name: "", items: [.element(match)])).write()
    let expected = """
      <match **>
        @type copy
        <store>
          @type monasca
          keystone_url http://10.0.0.250:5000
          monasca_api http://10.0.0.250:5607
          monasca_api_version v2.0
          username monasca-agent
          password s3cr3t
          domain_id default
          project_name monasca_control_plane
          message_field_name Payload
          max_retry_wait 1800s
          disable_retry_limit true
          <buffer>
            @type file
            path /var/lib/fluentd/data/monasca.buffer/openstack.*
            chunk_limit_size 8m
            total_limit_size 512m
            flush_interval 15s
          </buffer>
        </store>
      </match>

      """
    #expect(block == expected)
    #expect(Self.entry(.fluentd(config), "match[**]#0.store#0.buffer#0.chunk_limit_size") == "8m")
  }

  @Test func jsonWriterEscapesAndKeepsOrder() throws {
    let value = try json(#"{"z": "a\"b\\c\u0001\n", "a": [], "m": {}, "n": -1.5e3, "u": "é"}"#)
    #expect(
      JSONWriter.write(value)
        == "{\n  \"z\": \"a\\\"b\\\\c\\u0001\\n\",\n  \"a\": [],\n  \"m\": {},\n  \"n\": -1.5e3,\n  \"u\": \"é\"\n}\n"
    )
    #expect(try json(#""\ud83d\ude00""#) == .string("😀"))
    #expect(value.semanticEntries().map(\.path) == ["/z", "/a", "/m", "/n", "/u"])
  }

  @Test func textEntriesAreLines() throws {
    let text = try Self.parsed("rabbitmq-env.conf")
    #expect(Self.entry(text, "line 1") == "RABBITMQ_NODENAME=rabbit@ctl01")
  }
}

/// fluentd parameter values: comments, quotes and escapes as fluentd's v1 parser reads them.
@Suite struct FluentdValueTests {
  static let cases: [(String, String)] = [
    ("k a b", "a b"), ("k a # comment", "a"), ("k a#b", "a#b"), ("k #x", "#x"),
    ("k \"quoted # kept\"", "quoted # kept"), ("k \"a\\nb\\\"c\"  # after", "a\nb\"c"),
    ("k 'it\\'s \\\\ \\n'", "it's \\ \\n"), ("k", ""), ("k\t\tv", "v"),
  ]

  @Test(arguments: cases.indices)
  func valueIsReadAsFluentdReadsIt(_ index: Int) throws {
    let (line, expected) = Self.cases[index]
    let config = try FluentdParser.parse(Array("<source>\n\(line)\n</source>\n".utf8), file: "f")
    let source = try #require(config.root.children(named: "source").first)
    #expect(source.parameter("k") == expected)
    let reread = try FluentdParser.parse(Array(config.write().utf8), file: "f")
    #expect(
      reread == config
        || reread.semanticEntries().map(\.value) == config.semanticEntries().map(\.value))
  }

  @Test(arguments: [
    ("k \"open", "f:1:3"), ("k \"a\" b", "f:1:6"), ("k \"\\q\"", "f:1:4"), ("k \"#{x}\"", "f:1:4"),
  ])
  func badValueIsLocated(_ line: String, _ location: String) {
    #expect(errorLocation(Array(line.utf8), "fluentd") == location)
  }
}

/// `rabbitmq.conf` values: `#` comments and single-quoted values, as cuttlefish reads them.
@Suite struct RabbitValueTests {
  @Test func quotedValuesKeepHashAndRoundTrip() throws {
    let text = "default_pass = 'pa#ss word' # secret\nlog.file = false # off\nk = 'a'\n"
    let config = try RabbitConfig.parse(Array(text.utf8), file: "f")
    #expect(config.settings.map(\.value) == ["pa#ss word", "false", "a"])
    #expect(config.write() == "default_pass = 'pa#ss word'\nlog.file = false\nk = a\n")
    #expect(
      try RabbitConfig.parse(Array(config.write().utf8), file: "f").settings.map(\.value)
        == config.settings.map(\.value))
  }

  @Test(arguments: [("k = 'open\n", "f:1:5"), ("k = 'a' b\n", "f:1:9")])
  func badQuotedValueIsLocated(_ text: String, _ location: String) {
    #expect(errorLocation(Array(text.utf8), "rabbitmq") == location)
  }
}
