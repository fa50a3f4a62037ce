/// A RAID level as Ironic knows it: the schema's `raid_level` enum, with the disk counts and
/// redundancy overhead of Ironic's redfish RAID driver (`RAID_LEVELS`, `_calculate_spans`,
/// `_raid_level_overhead` in `ironic/drivers/modules/redfish/raid.py`).
struct RAIDLevel: Sendable, Hashable {
  /// The level as Ironic writes it (`"1+0"`).
  var name: String
  /// Fewest physical disks.
  var minimumDisks: Int
  /// Most physical disks (nil: no limit).
  var maximumDisks: Int?
  /// Whether the disk count must be even (spanned levels: two spans or mirrored pairs).
  var needsEvenCount: Bool

  /// Every level of Ironic's `raid_config_schema.json`, in its order.
  static let all: [RAIDLevel] = [
    RAIDLevel(name: "JBOD", minimumDisks: 1, maximumDisks: 1, needsEvenCount: false),
    RAIDLevel(name: "0", minimumDisks: 1, maximumDisks: nil, needsEvenCount: false),
    RAIDLevel(name: "1", minimumDisks: 2, maximumDisks: 2, needsEvenCount: false),
    RAIDLevel(name: "2", minimumDisks: 3, maximumDisks: nil, needsEvenCount: false),
    RAIDLevel(name: "5", minimumDisks: 3, maximumDisks: nil, needsEvenCount: false),
    RAIDLevel(name: "6", minimumDisks: 4, maximumDisks: nil, needsEvenCount: false),
    RAIDLevel(name: "1+0", minimumDisks: 4, maximumDisks: nil, needsEvenCount: true),
    RAIDLevel(name: "5+0", minimumDisks: 6, maximumDisks: nil, needsEvenCount: true),
    RAIDLevel(name: "6+0", minimumDisks: 8, maximumDisks: nil, needsEvenCount: true),
  ]

  /// The level named `name`.
  static func named(_ name: String) -> RAIDLevel? { all.first { $0.name == name } }

  /// Whether `count` physical disks can build this level.
  func accepts(diskCount count: Int) -> Bool {
    count >= minimumDisks && count <= (maximumDisks ?? Int.max)
      && (!needsEvenCount || count % 2 == 0)
  }

  /// What `accepts` requires, for messages: `exactly 2`, `at least 4 and an even number`.
  var requirement: String {
    var text =
      maximumDisks == minimumDisks ? "exactly \(minimumDisks)" : "at least \(minimumDisks)"
    if needsEvenCount { text += " and an even number" }
    return text
  }

  /// Disks of `count` that hold redundancy rather than data: mirrors, parity, Hamming code.
  func overhead(diskCount count: Int) -> Int {
    switch name {
    case "1", "1+0": count / 2
    case "5": 1
    case "6": 2
    case "5+0": 2
    case "6+0": 4
    case "2": Self.hammingParityDisks(count)
    default: 0
    }
  }

  /// Raw capacity `sizeGB` of usable space takes on `count` disks: `size · n / (n − overhead)`,
  /// rounded up, as Ironic's `_max_volume_size_bytes` computes it the other way round.
  func rawSize(forUsable sizeGB: Int, diskCount count: Int) -> Int {
    let data = max(1, count - overhead(diskCount: count))
    let (product, overflow) = sizeGB.multipliedReportingOverflow(by: count)
    if overflow { return Int.max }
    return (product + data - 1) / data
  }

  private static func hammingParityDisks(_ count: Int) -> Int {
    var parity = 0
    while (1 << parity) < count + 1 { parity += 1 }
    return parity
  }
}
