import KilnDiagnostics

/// Ironic's RAID rules beyond its JSON schema: known level, disk count for the level, one root
/// volume, one `MAX` volume, `physical_disks` only with `controller`, and a layout that fits the
/// hardware class's declared disks.
enum RAIDValidation {
  /// Every finding for a host's logical disks (`disks`) on the class's `physicalDisks`.
  static func findings(_ disks: [LogicalDisk], physicalDisks: [PhysicalDiskGroup])
    -> [Diagnostic]
  {
    var result = disks.flatMap(IronicSchema.findings)
    for disk in disks { result += levelFindings(disk) }
    result += onlyOne("is_root_volume", in: disks, id: FirmwareDiagnostics.raidRootVolumes) {
      $0 == .bool(true)
    }
    result += onlyOne("size_gb", in: disks, id: FirmwareDiagnostics.raidMaxVolumes) {
      $0 == .string("MAX")
    }
    for disk in disks {
      if let physical = disk["physical_disks"], disk["controller"] == nil {
        result.append(
          FirmwareDiagnostics.error(
            FirmwareDiagnostics.raidPhysicalDisksController,
            "logical disk '\(disk.handle)' lists physical_disks without a controller",
            at: physical.location,
            hint: "add 'controller:' (the RAID controller the disks hang off), as Ironic requires"))
      }
    }
    if result.isEmpty, !physicalDisks.isEmpty {
      result += RAIDCapacity(disks: disks, groups: physicalDisks).findings()
    }
    return result
  }

  /// KLN521 and KLN522 for one disk.
  private static func levelFindings(_ disk: LogicalDisk) -> [Diagnostic] {
    guard let levelValue = disk["raid_level"], case .string(let name) = levelValue.value else {
      return []
    }
    guard let level = RAIDLevel.named(name) else {
      let known = RAIDLevel.all.map(\.name)
      return [
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.raidLevel,
          "unknown RAID level '\(name)' on logical disk '\(disk.handle)'",
          at: levelValue.location,
          hint: [
            FirmwareDiagnostics.suggestion(for: name, among: known),
            "Ironic knows " + known.joined(separator: ", "),
          ].compactMap { $0 }.joined(separator: " "))
      ]
    }
    var result: [Diagnostic] = []
    let counted = disk["number_of_physical_disks"]
    let listed = disk["physical_disks"]
    var counts: [(count: Int, location: SourceLocation, what: String)] = []
    if let counted, case .int(let count) = counted.value, count > 0 {
      counts.append((count, counted.location, "number_of_physical_disks"))
    }
    if let listed, case .list(let items) = listed.value {
      counts.append((items.count, listed.location, "physical_disks"))
    }
    for entry in counts where !level.accepts(diskCount: entry.count) {
      result.append(
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.raidDiskCount,
          "RAID \(level.name) cannot be built from \(entry.count) disk(s) "
            + "(\(entry.what) of logical disk '\(disk.handle)')", at: entry.location,
          hint: "RAID \(level.name) needs \(level.requirement) physical disks"))
    }
    if counts.count == 2, counts[0].count != counts[1].count {
      result.append(
        FirmwareDiagnostics.error(
          FirmwareDiagnostics.raidDiskCount,
          "number_of_physical_disks is \(counts[0].count) but physical_disks lists "
            + "\(counts[1].count) on logical disk '\(disk.handle)'", at: counts[0].location,
          hint: "drop number_of_physical_disks or make it match the list"))
    }
    return result
  }

  /// A finding at every disk after the first whose `field` satisfies `matches`.
  private static func onlyOne(
    _ field: String, in disks: [LogicalDisk], id: DiagnosticID,
    matches: (FirmwareValue) -> Bool
  ) -> [Diagnostic] {
    let hits = disks.compactMap { disk in
      disk[field].flatMap { matches($0.value) ? (disk, $0) : nil }
    }
    guard let first = hits.first else { return [] }
    let what = field == "size_gb" ? "size_gb: MAX" : "is_root_volume: true"
    return hits.dropFirst().map { disk, value in
      FirmwareDiagnostics.error(
        id,
        "logical disk '\(disk.handle)' is a second \(what) (first: '\(first.0.handle)')",
        at: value.location, hint: "Ironic allows at most one logical disk with \(what)",
        related: [RelatedLocation(first.1.location, note: "the first \(what)")])
    }
  }
}
