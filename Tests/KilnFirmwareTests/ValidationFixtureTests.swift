import KilnDiagnostics
import Testing

@testable import KilnFirmware

/// Every KLN5xx rule has a fixture under `Tests/Fixtures/firmware/cases` that breaks it; the
/// findings must be exactly the case's `expected.txt` (ID and line).
@Test(arguments: FirmwareFixture.caseNames)
func caseProducesExactlyItsFindings(_ name: String) throws {
  let environment = try FirmwareFixture.environment(FirmwareFixture.source(case: name))
  let findings = FirmwareValidation.findings(for: environment)
  #expect(
    FirmwareFixture.summary(findings) == (try FirmwareFixture.expected(case: name)),
    "\(DiagnosticRenderer.text(findings))")
  #expect(findings.allSatisfy { $0.hint != nil && !$0.message.isEmpty })
}

/// The same broken inputs stop rendering: every error is thrown and no host gets files.
@Test(arguments: FirmwareFixture.caseNames)
func caseStopsRendering(_ name: String) throws {
  let source = FirmwareFixture.source(case: name)
  let environment = try FirmwareFixture.environment(source)
  #expect(throws: DiagnosticsError.self) {
    _ = try FirmwareRenderer.files(for: environment, hosts: environment.hosts, source: source)
  }
}

@Test func everyRuleHasAFixture() {
  let covered = Set(FirmwareFixture.caseNames.map { String($0.prefix(6)).uppercased() })
  let rules: [DiagnosticID] = [
    FirmwareDiagnostics.unknownProfile, FirmwareDiagnostics.extendsCycle,
    FirmwareDiagnostics.malformedProfile, FirmwareDiagnostics.badRegistry,
    FirmwareDiagnostics.badVariable, FirmwareDiagnostics.unknownAttribute,
    FirmwareDiagnostics.attributeType, FirmwareDiagnostics.attributeValue,
    FirmwareDiagnostics.attributeRange, FirmwareDiagnostics.readOnlyAttribute,
    FirmwareDiagnostics.raidSchema, FirmwareDiagnostics.raidLevel,
    FirmwareDiagnostics.raidDiskCount, FirmwareDiagnostics.raidRootVolumes,
    FirmwareDiagnostics.raidMaxVolumes, FirmwareDiagnostics.raidPhysicalDisksController,
    FirmwareDiagnostics.raidCapacity,
  ]
  for rule in rules {
    #expect(covered.contains(rule.rawValue), "no fixture for \(rule)")
  }
}

@Test func theBaseFixtureIsClean() throws {
  let environment = try FirmwareFixture.environment(FirmwareFixture.source())
  #expect(FirmwareValidation.findings(for: environment).isEmpty)
}
