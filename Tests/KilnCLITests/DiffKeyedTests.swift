import Foundation
import Testing

/// `kiln diff` keys hosts first: it says on stderr how many hosts it compared and rendered,
/// and a one-host change gives the same report cold, warm and without a cache.
@Suite(.serialized)
struct DiffKeyedTests {
  @Test func oneHostVarsLineComparesThatHostAndTheHostvarsReaders() throws {
    let fixture = try ExampleFixture(label: "diff-keyed")
    defer { fixture.remove() }
    try fixture.edit(
      "environments/prod/host_vars/cmp02.yaml", replacing: "api_interface_address: 10.0.0.32",
      with: "api_interface_address: 10.0.0.62")
    let arguments = ["diff", "--env", "prod", "--base", "HEAD", "--format", "json"]
    let uncached = try KilnProcess.run(arguments + ["--no-cache"], in: fixture.root)
    let cold = try KilnProcess.run(arguments, in: fixture.root)
    let warm = try KilnProcess.run(arguments, in: fixture.root)
    for result in [uncached, cold, warm] {
      #expect(result.exitCode == 0, "\(result.stderr)")
      #expect(result.stdout == uncached.stdout)
      #expect(result.stderr.contains("env prod: compared 4 of 9 hosts"))
    }
    #expect(uncached.stdout.contains("\"cmp02\"") && uncached.stdout.contains("10.0.0.62"))
    #expect(cold.stderr.contains("rendered 4 at base, 9 at head, 0 from the render cache"))
    #expect(warm.stderr.contains("rendered 0 at base, 0 at head, 8 from the render cache"))
  }
}
