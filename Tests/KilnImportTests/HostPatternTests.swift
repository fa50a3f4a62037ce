import Testing

@testable import KilnImport

/// Ansible's host patterns: ports and ranges as `parse_address` and `expand_hostname_range`
/// read them.
struct HostPatternTests {
  static let cases: [(String, [String], Int?)] = [
    ("ctl01", ["ctl01"], nil),
    ("ctl[01:03]", ["ctl01", "ctl02", "ctl03"], nil),
    ("n[1:3]", ["n1", "n2", "n3"], nil),
    ("n[0:10:5]", ["n0", "n5", "n10"], nil),
    ("db-[a:c]", ["db-a", "db-b", "db-c"], nil),
    ("x[Y:Z]", ["xY", "xZ"], nil),
    ("r[1:2]-s[a:b]", ["r1-sa", "r1-sb", "r2-sa", "r2-sb"], nil),
    ("n[:2]", ["n0", "n1", "n2"], nil),
    ("host:2222", ["host"], 2222),
    ("web[01:02]:8022", ["web01", "web02"], 8022),
    ("192.168.0.1:22", ["192.168.0.1"], 22),
    ("[fe80::1]:22", ["fe80::1"], 22),
    ("fe80::1", ["fe80::1"], nil),
    ("n[3:1]", [], nil),
  ]

  @Test(arguments: cases)
  func expand(_ pattern: String, _ hosts: [String], _ port: Int?) throws {
    let expanded = try HostPattern.expand(pattern)
    #expect(expanded.hosts == hosts)
    #expect(expanded.port == port)
  }

  @Test(arguments: [
    "n[01:3]", "n[1]", "n[1:]", "n[1:2:0]", "n[a:1]", "host:", "n[0:9999999]", "---",
  ])
  func rejected(_ pattern: String) {
    #expect(throws: HostPattern.Failure.self) { try HostPattern.expand(pattern) }
  }
}
