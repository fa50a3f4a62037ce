import KilnDiagnostics
import KilnFormats
import KilnYAML

/// One file of a host's firmware output.
public struct FirmwareFile: Sendable, Hashable {
  /// Path relative to the host's root (`firmware/bios.json`).
  public var path: String
  /// The format for parse-back, diff and patches (`json`, `yaml`).
  public var format: String
  /// The file's bytes.
  public var contents: [UInt8]

  /// Creates a file.
  public init(path: String, format: String, contents: [UInt8]) {
    self.path = path
    self.format = format
    self.contents = contents
  }
}

/// The documents a host's resolved firmware settings become: the Redfish BIOS settings body,
/// Ironic's `target_raid_config` and kayobe's `bios_config`/`raid_config` variables.
enum FirmwareDocuments {
  static let biosPath = "firmware/bios.json"
  static let raidPath = "firmware/raid.json"
  static let kayobePath = "firmware/kayobe.yml"

  /// The bytes that depend on the settings alone, not on the host.
  struct Shared: Sendable {
    var bios: [UInt8]
    /// nil when the settings have no logical disks.
    var raid: [UInt8]?
    /// `kayobe.yml` after its header line.
    var kayobeBody: [UInt8]
  }

  /// The files of `firmware` (raid.json only when there are logical disks), in path order.
  static func files(_ firmware: HostFirmware) -> [FirmwareFile] {
    files(firmware, shared: shared(firmware.settings))
  }

  /// The files of `firmware` made from `shared`, which must be `shared(firmware.settings)`.
  static func files(_ firmware: HostFirmware, shared: Shared) -> [FirmwareFile] {
    var files = [
      FirmwareFile(path: biosPath, format: "json", contents: shared.bios),
      FirmwareFile(
        path: kayobePath, format: "yaml",
        contents: Array(kayobeHeader(firmware).utf8) + shared.kayobeBody),
    ]
    if let raid = shared.raid {
      files.append(FirmwareFile(path: raidPath, format: "json", contents: raid))
    }
    return files
  }

  /// The documents of `settings` that every host with these settings shares.
  static func shared(_ settings: FirmwareProfile) -> Shared {
    Shared(
      bios: Array(JSONWriter.write(bios(settings)).utf8),
      raid: settings.logicalDisks.isEmpty ? nil : Array(JSONWriter.write(raid(settings)).utf8),
      kayobeBody: Array(kayobeBody(settings).utf8))
  }

  /// The body of `PATCH /redfish/v1/Systems/<id>/Bios/Settings`; attributes sorted by name.
  static func bios(_ settings: FirmwareProfile) -> JSONValue {
    .object([
      JSONMember(
        "Attributes", .object(sortedAttributes(settings).map { JSONMember($0.key, $0.value.json) })),
      JSONMember(
        "@Redfish.SettingsApplyTime",
        .object([JSONMember("ApplyTime", settings.applyTime.value.json)])),
    ])
  }

  /// Ironic's `target_raid_config`: logical disks in profile order, fields in schema order.
  static func raid(_ settings: FirmwareProfile) -> JSONValue {
    .object([
      JSONMember(
        "logical_disks",
        .array(
          settings.logicalDisks.map { disk in
            .object(fields(disk).map { JSONMember($0.key, $0.value.value.json) })
          }))
    ])
  }

  /// The first line of `kayobe.yml`: which host and profile it is for.
  static func kayobeHeader(_ firmware: HostFirmware) -> String {
    let profile = firmware.settings
    let identity = [profile.vendor?.name, profile.model?.name].compactMap { $0 }
      .joined(separator: " ")
    return "# kayobe BIOS and RAID variables of \(firmware.host): firmware profile "
      + "\(profile.name) (\(identity)).\n"
  }

  /// kayobe's host variables: `bios_config` (mapping) and `raid_config` (list).
  static func kayobeBody(_ settings: FirmwareProfile) -> String {
    let location = SourceLocation(file: kayobePath, line: 1, column: 1)
    let bios = FirmwareValue.map(
      sortedAttributes(settings).map { FirmwareEntry(key: $0.key, value: $0.value) })
    let raid = FirmwareValue.list(
      settings.logicalDisks.map { disk in
        .map(fields(disk).map { FirmwareEntry(key: $0.key, value: $0.value.value) })
      })
    let root = FirmwareValue.map([
      FirmwareEntry(key: "bios_config", value: bios),
      FirmwareEntry(key: "raid_config", value: raid),
    ])
    return YAMLWriter.write(root.yamlNode(at: location))
  }

  private static func sortedAttributes(_ settings: FirmwareProfile) -> [(
    key: String, value: FirmwareValue
  )] {
    settings.attributes
      .sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
      .map { ($0.key, $0.value.value) }
  }

  private static func fields(_ disk: LogicalDisk) -> [LocatedEntry] {
    IronicSchema.fields.compactMap { name in disk[name].map { LocatedEntry(key: name, value: $0) } }
  }
}
