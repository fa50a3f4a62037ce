import Testing

@testable import Jinja

/// `x in list` on long lists (answered from a cached set) keeps Python's equality.
@Suite struct MembershipIndexTests {
  static let names: [Value] = (0..<500).map { .string("host\($0)") }
  static let mixed: [Value] = names + [.int(7), .float(2.5), .bool(true)]

  @Test(arguments: [
    (
      "{{ 'host0' in names }} {{ 'host499' in names }} {{ 'host500' in names }}",
      "True True False"
    ),
    ("{{ 7 in names }} {{ none in names }} {{ ['host1'] in names }}", "False False False"),
    ("{{ 'host3' not in names }} {{ 'x' not in names }}", "False True"),
    (
      "{{ 7.0 in mixed }} {{ 1 in mixed }} {{ 2.5 in mixed }} {{ 'host9' in mixed }}",
      "True True True True"
    ),
    ("{{ 3 in mixed }} {{ 'host500' in mixed }}", "False False"),
  ])
  func membershipMatchesPythonEquality(template: String, expected: String) throws {
    let variables: [String: Value] = ["names": .list(Self.names), "mixed": .list(Self.mixed)]
    #expect(try CoreHarness.render(template, variables) == expected)
    // A second render finds the cached sets and must answer the same.
    #expect(try CoreHarness.render(template, variables) == expected)
  }

  @Test func aChangedListIsNotAnsweredFromTheOldSet() throws {
    var names = Self.names
    #expect(try CoreHarness.render("{{ 'new' in names }}", ["names": .list(names)]) == "False")
    names.append(.string("new"))
    names[0] = .string("renamed")
    let after = "{{ 'new' in names }} {{ 'host0' in names }} {{ 'renamed' in names }}"
    #expect(try CoreHarness.render(after, ["names": .list(names)]) == "True False True")
  }

  @Test func manyDistinctListsStayCorrectPastTheIndexCapacity() throws {
    let template = try CoreHarness.environment().compile("{{ key in names }}", name: "m.j2")
    for round in 0..<(MembershipIndex.capacity + 40) {
      let names: [Value] = (0..<40).map { .string("r\(round)-\($0)") }
      let hit = try template.render(["names": .list(names), "key": .string("r\(round)-39")])
      let miss = try template.render(["names": .list(names), "key": .string("r\(round + 1)-0")])
      #expect(hit == "True")
      #expect(miss == "False")
    }
  }

  @Test func concurrentTestsAgree() async throws {
    let template = try CoreHarness.environment().compile("{{ key in names }}", name: "c.j2")
    let names = Value.list(Self.names)
    let answers = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for n in 0..<200 {
        group.addTask {
          (n, try template.render(["names": names, "key": .string("host\(n * 3)")]))
        }
      }
      var collected: [Int: String] = [:]
      for try await (n, answer) in group { collected[n] = answer }
      return collected
    }
    for (n, answer) in answers { #expect(answer == (n * 3 < 500 ? "True" : "False")) }
  }
}
