import KilnDiagnostics
import KilnFormats
import KilnYAML
import Testing

@testable import KilnFirmware

private func baseFiles(host: String = "node01", extra: [String: String] = [:]) throws
  -> [String: String]
{
  let source = FirmwareFixture.source(extra: extra)
  let environment = try FirmwareFixture.environment(source)
  let rendered = try FirmwareRenderer.files(for: environment, hosts: [host], source: source)
  let files = try #require(rendered.first).files
  return Dictionary(
    uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
}

@Test func biosIsARedfishSettingsPatchBodyWithSortedAttributes() throws {
  let bios = try #require(try baseFiles()["firmware/bios.json"])
  #expect(
    bios == """
      {
        "Attributes": {
          "AcPwrRcvryUserDelay": 120,
          "AssetTag": "rack-4",
          "BootMode": "Uefi",
          "ProcVirtualization": "Enabled",
          "UsbPorts": true
        },
        "@Redfish.SettingsApplyTime": {
          "ApplyTime": "OnReset"
        }
      }

      """)
}

@Test func raidIsAnIronicTargetRaidConfigInSchemaOrder() throws {
  let raid = try #require(try baseFiles()["firmware/raid.json"])
  let document = try JSONParser.parse(Array(raid.utf8), file: "raid.json").value
  guard case .array(let disks)? = document["logical_disks"] else {
    Issue.record("no logical_disks in \(raid)")
    return
  }
  #expect(disks.count == 2)
  guard case .object(let root) = disks[0], case .object(let data) = disks[1] else {
    Issue.record("logical disks are not objects")
    return
  }
  #expect(
    root.map(\.key) == [
      "raid_level", "size_gb", "is_root_volume", "controller", "physical_disks",
    ])
  #expect(data.map(\.key) == ["raid_level", "size_gb", "number_of_physical_disks"])
  #expect(disks[1]["size_gb"] == .string("MAX"))
  #expect(disks[0]["size_gb"] == .number("100"))
}

@Test func kayobeVariablesCarryTheSameSettings() throws {
  let files = try baseFiles()
  let kayobe = try #require(files["firmware/kayobe.yml"])
  let root = try YAMLParser.parse(kayobe, file: "kayobe.yml").root
  let bios = try #require(root["bios_config"]?.mappingPairs)
  #expect(
    bios.map { $0.key.scalar?.text } == [
      "AcPwrRcvryUserDelay", "AssetTag", "BootMode", "ProcVirtualization", "UsbPorts",
    ])
  #expect(root["bios_config"]?["AcPwrRcvryUserDelay"]?.int == 120)
  #expect(root["bios_config"]?["UsbPorts"]?.bool == true)
  let raid = try #require(root["raid_config"]?.sequenceItems)
  #expect(raid.count == 2)
  #expect(raid[0]["raid_level"]?.string == "1")
  #expect(raid[1]["size_gb"]?.string == "MAX")
  #expect(kayobe.hasPrefix("# kayobe BIOS and RAID variables of node01: firmware profile node"))
}

@Test func withoutLogicalDisksThereIsNoRaidDocument() throws {
  let files = try baseFiles(extra: [
    "environments/prod/host_vars/node01.yaml":
      "firmware_raid_logical_disks: {root: ~, data: ~}\n"
  ])
  #expect(files.keys.sorted() == ["firmware/bios.json", "firmware/kayobe.yml"])
  #expect(files["firmware/kayobe.yml"]?.contains("raid_config: []") == true)
}

@Test func applyTimeComesFromTheHostVariable() throws {
  let files = try baseFiles(extra: [
    "environments/prod/host_vars/node01.yaml": "firmware_bios_apply_time: Immediate\n"
  ])
  #expect(files["firmware/bios.json"]?.contains("\"ApplyTime\": \"Immediate\"") == true)
}

@Test func hostsWithTheSameProfileAndOverridesShareDocumentsButNotTheKayobeHeader() throws {
  let source = FirmwareFixture.source(extra: [
    "environments/prod/host_vars/node02.yaml": "firmware_bios_attributes: {AssetTag: rack-9}\n"
  ])
  let environment = try FirmwareFixture.environment(source)
  let catalog = FirmwareCatalog.load(from: source)
  var diagnostics: [Diagnostic] = []
  let first = try #require(
    HostFirmware.resolve(
      host: "node01", environment: environment, catalog: catalog, diagnostics: &diagnostics))
  let again = try #require(
    HostFirmware.resolve(
      host: "node01", environment: environment, catalog: catalog, diagnostics: &diagnostics))
  let overridden = try #require(
    HostFirmware.resolve(
      host: "node02", environment: environment, catalog: catalog, diagnostics: &diagnostics))
  #expect(diagnostics.isEmpty, "\(diagnostics)")
  #expect(first.shared != nil)
  #expect(overridden.shared != nil)
  #expect(overridden.shared?.bios != first.shared?.bios)
  let shared = try #require(first.shared)
  #expect(again.shared?.bios == shared.bios)
  #expect(shared.bios == FirmwareDocuments.shared(first.settings).bios)
  let files = FirmwareDocuments.files(first, shared: shared)
  #expect(files == FirmwareDocuments.files(first))
  let kayobe = try #require(files.first { $0.path == "firmware/kayobe.yml" })
  #expect(
    String(decoding: kayobe.contents, as: UTF8.self).hasPrefix(
      "# kayobe BIOS and RAID variables of node01:"))
  let rendered = try FirmwareRenderer.files(
    for: environment, hosts: ["node01", "node02"], source: source)
  let bios = rendered.map { host in
    String(
      decoding: host.files.first { $0.path == "firmware/bios.json" }?.contents ?? [], as: UTF8.self)
  }
  #expect(!bios[0].contains("rack-9"))
  #expect(bios[1].contains("\"AssetTag\": \"rack-9\""))
}
