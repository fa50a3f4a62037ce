import Foundation
import Jinja
import KilnTestSupport
import Testing

@testable import KilnCheck

@Test(arguments: [
  ("10.0.0.11", "10.0.0.0/24", true), ("10.0.1.11", "10.0.0.0/24", false),
  ("10.0.0.11", "0.0.0.0/0", true), ("192.168.1.1", "192.168.0.0/16", true),
  ("10.0.0.11", "10.0.0.0/255.255.255.0", true),
  ("2001:db8:0:1::11", "2001:db8:0:1::/64", true), ("2001:db8:0:2::11", "2001:db8:0:1::/64", false),
  ("2001:db8::1", "::/0", true), ("::ffff:10.0.0.1", "::ffff:0:0/96", true),
  ("10.0.0.1", "::/0", false), ("::a00:1", "10.0.0.0/8", false),
])
func networksContainTheirAddresses(address: String, network: String, inside: Bool) throws {
  let parsed = try #require(IPNetwork(cidr: network))
  let host = try #require(IPAddress(address))
  #expect(parsed.contains(host) == inside)
}

@Test(arguments: [
  "10.0.0", "10.0.0.256", "a.b.c.d", "10.0.0.1.2", "", "1..2.3", "010.0.0.1", "1:2:3:4:5:6:7:8:9",
  "1::2::3", "12345::", ":1::", "+1::", "fe80::1%eth0", "::1.2.3", "1.2.3.4::",
])
func malformedAddressesDoNotParse(text: String) {
  #expect(IPAddress(text) == nil)
}

@Test func textsOfOneAddressAreEqual() {
  #expect(IPAddress("2001:DB8:0:0::1") == IPAddress("2001:db8::1"))
  #expect(IPAddress("::ffff:10.0.0.1") == IPAddress("::ffff:a00:1"))
  #expect(IPAddress("10.0.0.1") != IPAddress("::a00:1"))
}

/// Every address of a generated corpus parses exactly when Python's `ipaddress.ip_address`
/// accepts it, to the same number.
@Test func parsingAgreesWithPythonsIPAddressModule() throws {
  var state: UInt64 = 12  // a fixed LCG: the corpus is the same on every run
  func pick<T>(_ items: [T]) -> T {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return items[Int(state >> 33) % items.count]
  }
  let tokens = [
    "0", "1", "01", "10", "255", "256", "ffff", "FFFF", "fffff", "db8", "2001", "a", "+1", "-1",
    "g", "", "1.2.3.4", "10.0.0.1", "1.2.3", "01.2.3.4",
  ]
  var corpus = ["::", "::1", "1::", "2001:db8::1", "::ffff:10.0.0.1", "0.0.0.0", "255.255.255.255"]
  for _ in 0..<600 {
    let count = pick(Array(1...9))
    var text = ""
    for index in 0..<count {
      if index > 0 { text += pick(["", ":", "::", ".", ":"]) }
      text += pick(tokens)
    }
    corpus.append(text)
    let octets = ["0", "1", "10", "99", "255", "256", "01"]
    let quad = (0..<4).map { _ in pick(octets) }.joined(separator: ".")
    let groups = (0..<8).map { _ in pick(["0", "1", "db8", "ffff", "FFFF", "2001", "0a0"]) }
    let cut = pick(Array(0...7))
    let length = pick(Array(1...3))
    corpus += [
      quad, groups.joined(separator: ":"), "::ffff:" + quad,
      groups[..<cut].joined(separator: ":") + "::"
        + groups[min(8, cut + length)...].joined(separator: ":"),
    ]
  }
  let script = """
    import ipaddress, sys
    for line in sys.stdin.read().split("\\n"):
        try:
            address = ipaddress.ip_address(line)
            print(address.version, int(address))
        except ValueError:
            print("-")
    """
  let python = try TestProcess.run(
    "python3", ["-c", script], input: Data(corpus.joined(separator: "\n").utf8))
  let answers = python.output.split(separator: "\n").map(String.init)
  #expect(answers.count == corpus.count)
  var accepted = 0
  for (text, answer) in zip(corpus, answers) {
    let parsed = IPAddress(text).map { "\($0.version) \($0.bits)" } ?? "-"
    #expect(parsed == answer, "'\(text)': Kiln \(parsed), Python \(answer)")
    if answer != "-" { accepted += 1 }
  }
  #expect(accepted > 20, "the corpus holds too few valid addresses to compare")
}
