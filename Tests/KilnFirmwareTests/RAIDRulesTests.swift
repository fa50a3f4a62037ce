import KilnDiagnostics
import Testing

@testable import KilnFirmware

/// Disk counts per level as Ironic's redfish driver accepts them.
@Test(arguments: [
  ("JBOD", 1, true), ("JBOD", 2, false), ("0", 1, true), ("1", 2, true), ("1", 3, false),
  ("1", 1, false), ("5", 2, false), ("5", 3, true), ("6", 3, false), ("6", 4, true),
  ("1+0", 4, true), ("1+0", 5, false), ("1+0", 2, false), ("1+0", 6, true), ("5+0", 6, true),
  ("5+0", 7, false), ("6+0", 8, true), ("6+0", 6, false), ("2", 3, true),
])
func diskCountsFollowIronic(_ level: String, _ count: Int, _ accepted: Bool) throws {
  let raid = try #require(RAIDLevel.named(level))
  #expect(raid.accepts(diskCount: count) == accepted)
}

@Test(arguments: [
  ("0", 4, 400, 400), ("1", 2, 100, 200), ("5", 4, 300, 400), ("6", 6, 400, 600),
  ("1+0", 4, 200, 400), ("5+0", 6, 400, 600),
])
func rawSizeAddsTheLevelsRedundancy(_ level: String, _ disks: Int, _ usable: Int, _ raw: Int)
  throws
{
  let raid = try #require(RAIDLevel.named(level))
  #expect(raid.rawSize(forUsable: usable, diskCount: disks) == raw)
}

private func disk(_ handle: String, _ fields: [(String, FirmwareValue)], line: Int) -> LogicalDisk {
  let location = SourceLocation(file: "p.yaml", line: line, column: 1)
  return LogicalDisk(
    handle: handle, location: location,
    fields: fields.map { LocatedEntry(key: $0.0, value: LocatedValue($0.1, at: location)) })
}

@Test func aMaxVolumeWithNoSpaceLeftIsReported() {
  let disks = [
    disk("root", [("raid_level", .string("1")), ("size_gb", .int(480))], line: 1),
    disk("data", [("raid_level", .string("0")), ("size_gb", .string("MAX"))], line: 2),
  ]
  let groups = [
    PhysicalDiskGroup(
      count: 3, sizeGB: 320, location: SourceLocation(file: "p.yaml", line: 9, column: 1))
  ]
  let findings = RAIDValidation.findings(disks, physicalDisks: groups)
  #expect(findings.map(\.id) == [FirmwareDiagnostics.raidCapacity])
  #expect(findings.first?.location?.line == 2)
  #expect(findings.first?.message.contains("MAX") == true)
}

@Test func aLayoutThatFitsHasNoFindings() {
  let disks = [
    disk("root", [("raid_level", .string("1")), ("size_gb", .int(200))], line: 1),
    disk("data", [("raid_level", .string("5")), ("size_gb", .int(900))], line: 2),
  ]
  let groups = [
    PhysicalDiskGroup(
      count: 5, sizeGB: 480, location: SourceLocation(file: "p.yaml", line: 9, column: 1))
  ]
  #expect(RAIDValidation.findings(disks, physicalDisks: groups).isEmpty)
}

@Test func disksWithoutADeclaredInventorySkipTheCapacityRules() {
  let disks = [disk("huge", [("raid_level", .string("0")), ("size_gb", .int(1 << 40))], line: 1)]
  #expect(RAIDValidation.findings(disks, physicalDisks: []).isEmpty)
}

@Test func theSecondRootVolumeNamesTheFirst() throws {
  let disks = [
    disk(
      "a", [("raid_level", .string("0")), ("size_gb", .int(1)), ("is_root_volume", .bool(true))],
      line: 1),
    disk(
      "b", [("raid_level", .string("0")), ("size_gb", .int(1)), ("is_root_volume", .bool(true))],
      line: 5),
  ]
  let finding = try #require(RAIDValidation.findings(disks, physicalDisks: []).first)
  #expect(finding.id == FirmwareDiagnostics.raidRootVolumes)
  #expect(finding.location?.line == 5)
  #expect(finding.related.first?.location.line == 1)
}

@Test func aVolumeTooLargeForTheDisksOfItsTypeIsReported() throws {
  let disks = [
    disk(
      "fast",
      [("raid_level", .string("1")), ("size_gb", .int(500)), ("disk_type", .string("ssd"))],
      line: 3)
  ]
  let at = SourceLocation(file: "p.yaml", line: 9, column: 1)
  let groups = [
    PhysicalDiskGroup(count: 2, sizeGB: 480, diskType: "ssd", location: at),
    PhysicalDiskGroup(count: 4, sizeGB: 4000, diskType: "hdd", location: at),
  ]
  let finding = try #require(RAIDValidation.findings(disks, physicalDisks: groups).first)
  #expect(finding.id == FirmwareDiagnostics.raidCapacity)
  #expect(finding.location?.line == 3)
  #expect(finding.message.contains("2 ssd disks of at least 500 GiB"))
}
