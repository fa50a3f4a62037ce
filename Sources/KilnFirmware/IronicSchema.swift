import KilnDiagnostics

/// The per-disk rules of Ironic's `ironic/drivers/raid_config_schema.json` (draft-04): field
/// names, required fields, types, enums, bounds and the `physical_disks` shapes. The dependency
/// `physical_disks` → `controller` is its own rule (KLN525); Kiln checks these first so a bad
/// layout is a located error rather than a rejected document.
enum IronicSchema {
  /// The logical-disk properties of the schema, in its order (the order Kiln writes them).
  static let fields = [
    "raid_level", "size_gb", "volume_name", "is_root_volume", "share_physical_disks",
    "disk_type", "interface_type", "number_of_physical_disks", "controller", "physical_disks",
  ]
  static let diskTypes = ["hdd", "ssd"]
  static let interfaceTypes = ["sata", "scsi", "sas"]

  /// Every schema violation of `disk`, located at the offending field (or the disk).
  static func findings(_ disk: LogicalDisk) -> [Diagnostic] {
    var result: [Diagnostic] = []
    for required in ["raid_level", "size_gb"] where disk[required] == nil {
      result.append(
        problem(
          "logical disk '\(disk.handle)' has no '\(required)'", at: disk.location,
          hint: "Ironic requires raid_level and size_gb on every logical disk"))
    }
    for field in disk.fields {
      if let message = violation(field) {
        result.append(problem(message, at: field.value.location, hint: hint(field.key)))
      }
    }
    return result
  }

  private static func violation(_ field: LocatedEntry) -> String? {
    let name = field.key
    let value = field.value.value
    let found = "found \(value.kindDescription)"
    switch (name, value) {
    case ("raid_level", .string), ("volume_name", .string), ("controller", .string),
      ("is_root_volume", .bool), ("share_physical_disks", .bool):
      return nil
    case ("raid_level", _):
      return "raid_level must be a string, \(found)"
    case ("size_gb", .int(let size)):
      return size >= 0 ? nil : "size_gb must not be negative, found \(size)"
    case ("size_gb", .string(let text)):
      return text == "MAX" ? nil : "size_gb must be an integer or \"MAX\", found '\(text)'"
    case ("disk_type", .string(let text)):
      return diskTypes.contains(text) ? nil : "disk_type must be hdd or ssd, found '\(text)'"
    case ("interface_type", .string(let text)):
      return interfaceTypes.contains(text)
        ? nil : "interface_type must be sata, scsi or sas, found '\(text)'"
    case ("number_of_physical_disks", .int(let count)):
      return count > 0 ? nil : "number_of_physical_disks must be above 0, found \(count)"
    case ("physical_disks", .list(let items)):
      return physicalDisksViolation(items)
    case _ where !fields.contains(name):
      return "unknown logical disk field '\(name)'"
    default:
      return "\(name) has the wrong type, \(found)"
    }
  }

  /// Ironic accepts a list of strings, or a list of at least two device-hint mappings.
  private static func physicalDisksViolation(_ items: [FirmwareValue]) -> String? {
    let strings = items.allSatisfy { if case .string = $0 { true } else { false } }
    let mappings = items.allSatisfy { if case .map = $0 { true } else { false } }
    if strings { return nil }
    if mappings { return items.count >= 2 ? nil : "physical_disks hints need at least 2 items" }
    return "physical_disks must be a list of disk names or of device-hint mappings"
  }

  private static func hint(_ field: String) -> String {
    switch field {
    case "raid_level":
      "quote the level: raid_level: \"1\" (Ironic knows "
        + RAIDLevel.all.map(\.name).joined(separator: ", ") + ")"
    case "size_gb": "write size_gb as a whole number of GiB or \"MAX\""
    case "disk_type": "use hdd or ssd"
    case "interface_type": "use sata, scsi or sas"
    case "number_of_physical_disks": "write a whole number above 0"
    case "volume_name", "controller": "write a quoted string"
    case "is_root_volume", "share_physical_disks": "write true or false"
    case "physical_disks": "list disk names (with controller), or at least 2 device hints"
    default: "Ironic's logical disk fields: " + fields.joined(separator: ", ")
    }
  }

  private static func problem(_ message: String, at location: SourceLocation, hint: String)
    -> Diagnostic
  {
    FirmwareDiagnostics.error(FirmwareDiagnostics.raidSchema, message, at: location, hint: hint)
  }
}
