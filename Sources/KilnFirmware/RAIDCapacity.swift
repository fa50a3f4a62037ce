import KilnDiagnostics

/// Whether a layout fits the physical disks a hardware class declares: enough disks for every
/// logical disk that does not share its disks, and enough raw space for every fixed size
/// (with the level's redundancy overhead) plus something left for a `MAX` volume.
struct RAIDCapacity {
  let disks: [LogicalDisk]
  let groups: [PhysicalDiskGroup]

  /// KLN526 findings, located at the logical disk that crosses a limit.
  func findings() -> [Diagnostic] {
    var result: [Diagnostic] = []
    if let problem = diskCountProblem() { result.append(problem) }
    if let problem = sizeProblem() { result.append(problem) }
    if result.isEmpty { result += disks.compactMap(perDiskProblem) }
    return result
  }

  /// A fixed-size disk needs `count` eligible physical disks (matching its `disk_type` and
  /// `interface_type`) each large enough for its share: size / (count − overhead).
  private func perDiskProblem(_ disk: LogicalDisk) -> Diagnostic? {
    guard let plan = plan(disk), let size = disk["size_gb"], case .int(let usable) = size.value
    else { return nil }
    let data = max(1, plan.count - plan.level.overhead(diskCount: plan.count))
    let share = (usable + data - 1) / data
    let wantedType = disk["disk_type"].flatMap {
      if case .string(let t) = $0.value { t } else { nil }
    }
    let wantedInterface = disk["interface_type"].flatMap {
      if case .string(let t) = $0.value { t } else { nil }
    }
    let eligible = groups.filter { group in
      (wantedType == nil || group.diskType == nil || group.diskType == wantedType)
        && (wantedInterface == nil || group.interfaceType == nil
          || group.interfaceType == wantedInterface)
    }
    let large = eligible.filter { $0.sizeGB >= share }.reduce(0) { $0 + $1.count }
    guard large < plan.count else { return nil }
    let kind = [wantedType, wantedInterface].compactMap { $0 }.joined(separator: " ")
    return FirmwareDiagnostics.error(
      FirmwareDiagnostics.raidCapacity,
      "logical disk '\(disk.handle)' needs \(plan.count) \(kind.isEmpty ? "" : kind + " ")"
        + "disks of at least \(share) GiB (RAID \(plan.level.name)), but the class declares "
        + "\(large) (\(declaration))", at: size.location,
      hint: "shrink size_gb, spread it over more disks, or correct raid.physical_disks")
  }

  private var declaredDisks: Int { groups.reduce(0) { $0 + $1.count } }
  private var declaredSize: Int { groups.reduce(0) { $0 + $1.count * $1.sizeGB } }

  private var declaration: String {
    groups.map { "\($0.count) × \($0.sizeGB) GiB" }.joined(separator: " + ")
  }

  /// The level and disk count Ironic would use for `disk` (its minimum when none is given).
  private func plan(_ disk: LogicalDisk) -> (level: RAIDLevel, count: Int)? {
    guard case .string(let name)? = disk["raid_level"]?.value, let level = RAIDLevel.named(name)
    else { return nil }
    if case .int(let count)? = disk["number_of_physical_disks"]?.value { return (level, count) }
    if case .list(let items)? = disk["physical_disks"]?.value { return (level, items.count) }
    return (level, level.minimumDisks)
  }

  private func diskCountProblem() -> Diagnostic? {
    var exclusive = 0
    var shared = 0
    for disk in disks {
      guard let plan = plan(disk) else { continue }
      if disk["share_physical_disks"]?.value == .bool(true) {
        shared = max(shared, plan.count)
      } else {
        exclusive += plan.count
      }
      guard exclusive + shared > declaredDisks else { continue }
      let place =
        disk["number_of_physical_disks"] ?? disk["physical_disks"] ?? disk["raid_level"]
      return FirmwareDiagnostics.error(
        FirmwareDiagnostics.raidCapacity,
        "the RAID layout needs \(exclusive + shared) physical disks by logical disk "
          + "'\(disk.handle)', but the class declares \(declaredDisks) (\(declaration))",
        at: place?.location ?? disk.location,
        hint: "use fewer disks, set share_physical_disks: true, or correct raid.physical_disks")
    }
    return nil
  }

  private func sizeProblem() -> Diagnostic? {
    var used = 0
    var maxVolume: LogicalDisk?
    for disk in disks {
      guard let plan = plan(disk), let size = disk["size_gb"] else { continue }
      guard case .int(let usable) = size.value else {
        maxVolume = maxVolume ?? disk
        continue
      }
      let raw = plan.level.rawSize(forUsable: usable, diskCount: plan.count)
      used = used > Int.max - raw ? Int.max : used + raw
      guard used > declaredSize else { continue }
      return FirmwareDiagnostics.error(
        FirmwareDiagnostics.raidCapacity,
        "the RAID layout needs \(used) GiB of raw disk by logical disk '\(disk.handle)' "
          + "(RAID \(plan.level.name) on \(plan.count) disks), but the class declares "
          + "\(declaredSize) GiB (\(declaration))", at: size.location,
        hint: "shrink size_gb, use \"MAX\" for the last volume, or correct raid.physical_disks")
    }
    if let maxVolume, used >= declaredSize, let size = maxVolume["size_gb"] {
      return FirmwareDiagnostics.error(
        FirmwareDiagnostics.raidCapacity,
        "logical disk '\(maxVolume.handle)' asks for MAX, but the fixed-size volumes already "
          + "use all \(declaredSize) GiB the class declares", at: size.location,
        hint: "shrink the other volumes so that space is left for the MAX volume")
    }
    return nil
  }
}
