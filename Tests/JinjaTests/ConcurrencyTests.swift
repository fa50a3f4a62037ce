import Foundation
import Testing

@testable import Jinja

/// One compiled template rendered from many threads gives each its own correct result.
@Suite struct ConcurrencyTests {
  @Test func concurrentRendersAreIndependent() async throws {
    let templates = ["row.j2": "{% for i in range(n) %}{{ who }}{{ i }}{% endfor %}"]
    let environment = CoreHarness.environment(templates)
    let template = try environment.compile(
      "{% set ns = namespace(c=0) %}{% for i in range(n) %}{% set ns.c = ns.c + i %}{% endfor %}"
        + "{{ ns.c }}:{% include 'row.j2' %}", name: "c.j2")
    let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for n in 0..<64 {
        group.addTask {
          let output = try template.render(["n": .int(n % 9), "who": .string("w\(n)")])
          return (n, output)
        }
      }
      var collected: [Int: String] = [:]
      for try await (n, output) in group { collected[n] = output }
      return collected
    }
    #expect(results.count == 64)
    for (n, output) in results {
      let count = n % 9
      let expected =
        "\(count * (count - 1) / 2):" + (0..<count).map { "w\(n)\($0)" }.joined()
      #expect(output == expected)
    }
  }

  @Test func cacheReturnsTheSameCompiledTemplate() throws {
    let environment = CoreHarness.environment(["a.j2": "a"])
    let first = try environment.template(named: "a.j2")
    let second = try environment.template(named: "a.j2")
    #expect(first === second)
  }
}
