import KilnDiagnostics
import KilnModel

/// A hardware class with its `extends:` chain merged: what a host with this profile gets
/// before its own overrides.
public struct FirmwareProfile: Sendable {
  /// The profile's name (its file stem under `templates/firmware/profiles/`).
  public var name: String
  /// The profile file.
  public var file: String
  /// The vendor (`Dell`, `HPE`, …), with its line.
  public var vendor: NameReference?
  /// The model (`PowerEdge R650`, …), with its line.
  public var model: NameReference?
  /// The registry path relative to `templates/firmware/`, with the `registry:` line.
  public var registry: NameReference?
  /// `@Redfish.SettingsApplyTime` `ApplyTime` (a string value), with its line.
  public var applyTime: LocatedValue
  /// BIOS attributes in the order the profiles wrote them.
  public var attributes: [LocatedEntry]
  /// The class's physical disks, the capacity RAID layouts are checked against.
  public var physicalDisks: [PhysicalDiskGroup]
  /// Logical disks in profile order.
  public var logicalDisks: [LogicalDisk]

  /// The Redfish apply time used when no profile or layer names one.
  public static let defaultApplyTime = "OnReset"
  /// The apply times Redfish's `@Redfish.SettingsApplyTime` accepts.
  public static let applyTimes = [
    "Immediate", "OnReset", "AtMaintenanceWindowStart", "InMaintenanceWindowOnReset",
  ]

  /// An empty profile named `name` read from `file`.
  init(name: String, file: String) {
    self.name = name
    self.file = file
    self.applyTime = LocatedValue(
      .string(Self.defaultApplyTime), at: SourceLocation(file: file, line: 1, column: 1))
    self.attributes = []
    self.physicalDisks = []
    self.logicalDisks = []
  }

  /// This profile with `layer` merged on top: scalars replace, attributes and logical disks
  /// merge key by key, `null` removes.
  func applying(_ layer: ProfileLayer) -> FirmwareProfile {
    var result = self
    if let vendor = layer.vendor { result.vendor = vendor }
    if let model = layer.model { result.model = model }
    if let registry = layer.registry { result.registry = registry }
    if let applyTime = layer.applyTime { result.applyTime = applyTime }
    if let disks = layer.physicalDisks { result.physicalDisks = disks }
    result.attributes = Self.merged(result.attributes, with: layer.attributes)
    for disk in layer.logicalDisks {
      let position = result.logicalDisks.firstIndex { $0.handle == disk.handle }
      switch (position, disk.fields) {
      case (let position?, nil):
        result.logicalDisks.remove(at: position)
      case (let position?, let fields?):
        result.logicalDisks[position].fields = Self.merged(
          result.logicalDisks[position].fields, with: fields)
      case (nil, let fields?):
        result.logicalDisks.append(
          LogicalDisk(
            handle: disk.handle, location: disk.location,
            fields: fields.filter { $0.value.value != .null }))
      case (nil, nil):
        continue
      }
    }
    return result
  }

  /// `base` with `changes` applied: existing keys keep their place, new keys append, `null`
  /// removes.
  static func merged(_ base: [LocatedEntry], with changes: [LocatedEntry]) -> [LocatedEntry] {
    var result = base
    for change in changes {
      let position = result.firstIndex { $0.key == change.key }
      if change.value.value == .null {
        if let position { result.remove(at: position) }
      } else if let position {
        result[position] = change
      } else {
        result.append(change)
      }
    }
    return result
  }
}

/// One Ironic logical disk, with the handle layers use to override it.
public struct LogicalDisk: Sendable, Hashable {
  /// Kiln's handle for the disk (the key under `logical_disks:`); not emitted.
  public var handle: String
  /// Where the disk was first written.
  public var location: SourceLocation
  /// Ironic's fields (`raid_level`, `size_gb`, …) in the order written.
  public var fields: [LocatedEntry]

  /// The field named `key`.
  public subscript(key: String) -> LocatedValue? {
    fields.first { $0.key == key }?.value
  }
}

/// A group of identical physical disks of a hardware class.
public struct PhysicalDiskGroup: Sendable, Hashable {
  /// How many disks.
  public var count: Int
  /// The size of each, in GiB.
  public var sizeGB: Int
  /// `hdd` or `ssd`, if declared.
  public var diskType: String?
  /// `sata`, `scsi` or `sas`, if declared.
  public var interfaceType: String?
  /// Where the group is written.
  public var location: SourceLocation
}

/// One source of profile settings: a profile file, or a host's `firmware_*` variables.
struct ProfileLayer: Sendable {
  var extends: NameReference?
  var vendor: NameReference?
  var model: NameReference?
  var registry: NameReference?
  var applyTime: LocatedValue?
  var attributes: [LocatedEntry] = []
  var physicalDisks: [PhysicalDiskGroup]?
  /// Logical disks by handle; `fields` nil removes the disk.
  var logicalDisks: [(handle: String, location: SourceLocation, fields: [LocatedEntry]?)] = []
}
