import KilnDiagnostics
import KilnYAML

/// kayobe's `bios_config` and `raid_config` host variables as Kiln firmware overrides
/// (FIRMWARE-FORMAT.md): `bios_config` becomes `firmware_bios_attributes`, `raid_config` (a list
/// of Ironic logical disks) becomes `firmware_raid_logical_disks` keyed by `volume_name` or
/// `disk<index>`, both tagged `!replace` because kayobe's dicts replace where Kiln's merge; the
/// layer also selects the minimal profile the import writes.
public enum KayobeFirmware {
  /// The variables kayobe uses for firmware.
  public static let variables: Set<String> = ["bios_config", "raid_config"]
  /// The profile an import writes for hosts whose firmware came from kayobe.
  public static let profileName = "kayobe-imported"

  /// The minimal profile file (vendor and model unknown: kayobe does not record them).
  public static let profile = RepositoryFile(
    path: "templates/firmware/profiles/\(profileName).yaml",
    text: """
      # Written by `kiln import kayobe`: kayobe records no vendor or model. Hosts select it with
      # firmware_profile; their bios_config/raid_config became firmware_* overrides.
      vendor: unknown
      model: unknown

      """)

  /// The Kiln variables text for the extracted kayobe pairs; notes for what is not converted.
  public static func convert(_ pairs: [YAMLPair]) -> (text: String, notes: [Diagnostic]) {
    var text = ""
    var notes: [Diagnostic] = []
    for pair in pairs {
      let location = pair.key.location
      switch pair.key.string {
      case "bios_config":
        guard pair.value.mappingPairs != nil else {
          notes.append(skipped("bios_config is not a mapping", at: location))
          continue
        }
        text += entry("firmware_bios_attributes", tagged(pair.value), from: location)
      case "raid_config":
        guard let disks = pair.value.sequenceItems else {
          notes.append(skipped("raid_config is not a list", at: location))
          continue
        }
        var keyed: [YAMLPair] = []
        for (index, disk) in disks.enumerated() {
          let handle = disk["volume_name"]?.string ?? "disk\(index)"
          keyed.append(YAMLPair(key: key(handle, at: disk.location), value: quotingLevel(disk)))
        }
        text += entry(
          "firmware_raid_logical_disks",
          YAMLNode(.mapping(keyed), tag: .replace, location: pair.value.location), from: location)
      default:
        continue
      }
    }
    if !text.isEmpty {
      text += "# firmware_profile selects the profile written by `kiln import`.\n"
      text += "firmware_profile: \(profileName)\n"
    }
    return (text, notes)
  }

  /// Ironic's `raid_level` is a string ("1", "1+0"); a YAML integer level becomes one.
  private static func quotingLevel(_ disk: YAMLNode) -> YAMLNode {
    guard case .mapping(let pairs) = disk.content else { return disk }
    var disk = disk
    disk.content = .mapping(
      pairs.map { pair in
        guard pair.key.string == "raid_level", case .scalar(let scalar) = pair.value.content,
          case .int = scalar.value
        else { return pair }
        return YAMLPair(key: pair.key, value: key(scalar.text, at: pair.value.location))
      })
    return disk
  }

  private static func tagged(_ node: YAMLNode) -> YAMLNode {
    var node = node
    node.tag = .replace
    return node
  }

  private static func key(_ text: String, at location: SourceLocation) -> YAMLNode {
    YAMLNode(.scalar(YAMLScalar(string: text)), location: location)
  }

  private static func entry(_ name: String, _ value: YAMLNode, from location: SourceLocation)
    -> String
  {
    "# converted from \(location.file):\(location.line)\n"
      + YAMLWriter.write(
        YAMLNode(
          .mapping([YAMLPair(key: key(name, at: location), value: value)]), location: location))
  }

  private static func skipped(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      id: ImportDiagnostics.kayobeConstruct, severity: .warning,
      message: message + "; not imported", location: location)
  }
}
