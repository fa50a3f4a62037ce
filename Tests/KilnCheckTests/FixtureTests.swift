import KilnCheck
import KilnDiagnostics
import Testing

/// Each fixture repository produces its finding with the exact ID, file and line.
@Test(arguments: FixtureCase.all)
func fixtureProducesItsFinding(_ fixture: FixtureCase) async throws {
  let report = try await ExampleRepository.check(fixture.environment, fixture: fixture.name)
  let matching = report.findings.filter { $0.id == fixture.id }
  #expect(
    matching.contains { $0.location?.file == fixture.file && $0.location?.line == fixture.line },
    "\(fixture.name): \(matching.map(\.description))\nall: \(report.findings.map(\.description))")
}

/// The example repository itself passes every check in every environment.
@Test(arguments: ["base", "staging", "prod"])
func exampleHasNoFindings(_ environment: String) async throws {
  let report = try await ExampleRepository.check(environment)
  #expect(report.findings.isEmpty, "\(report.findings.map(\.description))")
  #expect(report.summary.hasSuffix("no findings"))
}
