import KilnYAML
import Testing

@testable import KilnImport

/// kayobe `bios_config`/`raid_config` as Kiln firmware overrides (FIRMWARE-FORMAT.md §2).
struct KayobeFirmwareTests {
  @Test func convertsBiosAndRaid() throws {
    let conversion = try GlobalsConversion(
      text: """
        bios_config:
          BootMode: Uefi
          LogicalProc: Disabled
        raid_config:
          - {raid_level: 1, size_gb: 100, is_root_volume: true, volume_name: root}
          - {raid_level: "5", size_gb: MAX}

        """, file: "host_vars/cmp01", extracting: KayobeFirmware.variables)
    let firmware = KayobeFirmware.convert(conversion.extracted)
    #expect(firmware.notes.isEmpty)
    let root = try YAMLParser.parse(firmware.text, file: "out.yaml").root
    #expect(root["firmware_bios_attributes"]?.tag == .replace)
    #expect(root["firmware_bios_attributes"]?["BootMode"]?.string == "Uefi")
    let disks = try #require(root["firmware_raid_logical_disks"])
    #expect(disks.tag == .replace)
    #expect(disks.mappingPairs?.map { $0.key.string } == ["root", "disk1"])
    #expect(disks["root"]?["raid_level"]?.string == "1")
    #expect(root["firmware_profile"]?.string == KayobeFirmware.profileName)
  }

  @Test func reportsWrongShapes() throws {
    let conversion = try GlobalsConversion(
      text: "bios_config: [a]\nraid_config: {a: 1}\n", file: "f",
      extracting: KayobeFirmware.variables)
    let firmware = KayobeFirmware.convert(conversion.extracted)
    #expect(firmware.notes.map { $0.location?.line } == [1, 2])
    #expect(firmware.text.isEmpty)
  }
}
