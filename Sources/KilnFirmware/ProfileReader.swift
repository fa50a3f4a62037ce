import KilnDiagnostics
import KilnModel
import KilnYAML

/// Reads one profile file into a `ProfileLayer`, reporting every problem as KLN503.
struct ProfileReader {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  static let keys = ["extends", "vendor", "model", "registry", "bios", "raid"]
  static let biosKeys = ["apply_time", "attributes"]
  static let raidKeys = ["physical_disks", "logical_disks"]
  static let diskGroupKeys = ["count", "size_gb", "disk_type", "interface_type"]

  init(file: String) { self.file = file }

  /// The layer `root` describes (problems are collected in `diagnostics`).
  mutating func read(_ root: YAMLNode) -> ProfileLayer {
    var layer = ProfileLayer()
    guard let pairs = mapping(root, "a profile", allowed: Self.keys) else { return layer }
    for (key, value) in pairs {
      switch key {
      case "extends": layer.extends = text(value, "'extends'")
      case "vendor": layer.vendor = text(value, "'vendor'")
      case "model": layer.model = text(value, "'model'")
      case "registry": layer.registry = text(value, "'registry'")
      case "bios": readBIOS(value, into: &layer)
      default: readRAID(value, into: &layer)
      }
    }
    return layer
  }

  private mutating func readBIOS(_ node: YAMLNode, into layer: inout ProfileLayer) {
    guard let pairs = mapping(node, "'bios'", allowed: Self.biosKeys) else { return }
    for (key, value) in pairs {
      if key == "apply_time" {
        guard let time = text(value, "'apply_time'") else { continue }
        if !FirmwareProfile.applyTimes.contains(time.name) {
          problem(
            "unknown apply time '\(time.name)'", at: value.location,
            hint: "use one of " + FirmwareProfile.applyTimes.joined(separator: ", "))
        }
        layer.applyTime = LocatedValue(.string(time.name), at: value.location)
      } else {
        layer.attributes = entries(value, "'attributes'") ?? []
      }
    }
  }

  private mutating func readRAID(_ node: YAMLNode, into layer: inout ProfileLayer) {
    guard let pairs = mapping(node, "'raid'", allowed: Self.raidKeys) else { return }
    for (key, value) in pairs {
      if key == "physical_disks" {
        layer.physicalDisks = diskGroups(value)
        continue
      }
      guard let disks = mapping(value, "'logical_disks'", allowed: nil) else { continue }
      for (handle, disk) in disks {
        if disk.isNull {
          layer.logicalDisks.append((handle, disk.location, nil))
        } else if let fields = entries(disk, "logical disk '\(handle)'") {
          layer.logicalDisks.append((handle, disk.location, fields))
        }
      }
    }
  }

  private mutating func diskGroups(_ node: YAMLNode) -> [PhysicalDiskGroup] {
    guard let items = node.sequenceItems else {
      problem(
        "'physical_disks' must be a list of {count, size_gb} groups, found \(node.kindName)",
        at: node.location, hint: "write - {count: 2, size_gb: 480, disk_type: ssd}")
      return []
    }
    var groups: [PhysicalDiskGroup] = []
    for item in items {
      guard let pairs = mapping(item, "a 'physical_disks' group", allowed: Self.diskGroupKeys)
      else { continue }
      var group = PhysicalDiskGroup(count: 0, sizeGB: 0, location: item.location)
      for (key, value) in pairs {
        switch key {
        case "count": group.count = positive(value, "'count'") ?? 0
        case "size_gb": group.sizeGB = positive(value, "'size_gb'") ?? 0
        case "disk_type": group.diskType = text(value, "'disk_type'")?.name
        default: group.interfaceType = text(value, "'interface_type'")?.name
        }
      }
      let written = pairs.map(\.key)
      for required in ["count", "size_gb"] where !written.contains(required) {
        problem(
          "a 'physical_disks' group has no '\(required)'", at: item.location,
          hint: "write {count: 2, size_gb: 480}")
      }
      if group.count > 0, group.sizeGB > 0 { groups.append(group) }
    }
    return groups
  }

  /// The pairs of a mapping by key text; with `allowed`, other keys are reported.
  private mutating func mapping(_ node: YAMLNode, _ what: String, allowed: [String]?)
    -> [(key: String, value: YAMLNode)]?
  {
    if node.isNull { return [] }
    guard let pairs = node.mappingPairs else {
      problem(
        "\(what) must be a mapping, found \(node.kindName)", at: node.location,
        hint: "write \(what) as 'key: value' lines")
      return nil
    }
    var result: [(key: String, value: YAMLNode)] = []
    for pair in pairs {
      guard let key = pair.key.scalar?.text else {
        problem("a key in \(what) must be a scalar", at: pair.key.location, hint: nil)
        continue
      }
      if let allowed, !allowed.contains(key) {
        let guess = FirmwareDiagnostics.suggestion(for: key, among: allowed)
        problem(
          "unknown key '\(key)' in \(what)", at: pair.key.location,
          hint: [guess, "known keys: " + allowed.joined(separator: ", ")]
            .compactMap { $0 }.joined(separator: " "))
        continue
      }
      result.append((key, pair.value))
    }
    return result
  }

  /// A mapping's entries as located values (a `!secret` or other tagged value is reported).
  private mutating func entries(_ node: YAMLNode, _ what: String) -> [LocatedEntry]? {
    guard let pairs = mapping(node, what, allowed: nil) else { return nil }
    var result: [LocatedEntry] = []
    for (key, value) in pairs {
      guard let data = FirmwareValue(value) else {
        problem(
          "\(what) '\(key)' must be plain data, found a tagged value", at: value.location,
          hint: "profiles hold plain values; set secrets through host variables")
        continue
      }
      result.append(LocatedEntry(key: key, value: LocatedValue(data, at: value.location)))
    }
    return result
  }

  private mutating func text(_ node: YAMLNode, _ what: String) -> NameReference? {
    if let scalar = node.scalar, case .string(let text) = scalar.value, !text.isEmpty {
      return NameReference(name: text, location: node.location)
    }
    problem(
      "\(what) must be a non-empty string, found \(node.kindName)", at: node.location,
      hint: "write \(what) as a string")
    return nil
  }

  private mutating func positive(_ node: YAMLNode, _ what: String) -> Int? {
    if let number = node.int, number > 0 { return number }
    problem(
      "\(what) must be a positive integer, found \(node.scalar?.text ?? node.kindName)",
      at: node.location, hint: "write \(what) as a whole number above 0")
    return nil
  }

  private mutating func problem(_ message: String, at location: SourceLocation, hint: String?) {
    diagnostics.append(
      FirmwareDiagnostics.error(
        FirmwareDiagnostics.malformedProfile, message, at: location, hint: hint))
  }
}
