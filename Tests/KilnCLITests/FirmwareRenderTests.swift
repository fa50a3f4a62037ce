import Foundation
import Testing

/// `kiln render` and `kiln explain` on the example's firmware profiles.
@Suite(.serialized) struct FirmwareRenderTests {
  @Test func serviceFirmwareRendersOnlyTheFirmwareDocuments() throws {
    let fixture = try ExampleFixture(label: "fw")
    defer { fixture.remove() }
    let result = try fixture.kiln("render", "--env", "prod", "--service", "firmware")
    #expect(result.exitCode == 0, "\(result.stderr)")
    let tree = try fixture.tree("out/prod")
    let paths = tree.keys.filter { $0 != "manifest.json" }
    #expect(paths.allSatisfy { $0.contains("/firmware/") })
    #expect(paths.count == 27)
    let manifest = String(decoding: try #require(tree["manifest.json"]), as: UTF8.self)
    #expect(manifest.contains("\"service\": \"firmware\""))
  }

  @Test func theOverlayAndTheHostOverrideReachTheirHostsOnly() throws {
    let fixture = try ExampleFixture(label: "fw-layers")
    defer { fixture.remove() }
    #expect(try fixture.kiln("render", "--env", "prod", "--service", "firmware").exitCode == 0)
    let cmp03 = try fixture.read("out/prod/cmp03/firmware/bios.json")
    let cmp04 = try fixture.read("out/prod/cmp04/firmware/bios.json")
    let ctl01 = try fixture.read("out/prod/ctl01/firmware/bios.json")
    #expect(cmp03.contains("\"LogicalProc\": \"Disabled\""))
    #expect(cmp04.contains("\"LogicalProc\": \"Enabled\""))
    #expect(cmp03.contains("\"SriovGlobalEnable\": \"Enabled\""))
    #expect(ctl01.contains("\"SriovGlobalEnable\": \"Disabled\""))
  }

  @Test func explainShowsWhereAnAttributeWasOverridden() throws {
    let fixture = try ExampleFixture(label: "fw-explain")
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "explain", "--env", "prod", "--host", "cmp03", "--var",
      "firmware_bios_attributes.LogicalProc")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("environments/prod/host_vars/cmp03.yaml:"))
    #expect(result.stdout.contains("Disabled"))
  }

  @Test func overlayPatchesReachTheFirmwareDocuments() throws {
    let fixture = try ExampleFixture(label: "fw-patch")
    defer { fixture.remove() }
    try fixture.write(
      "overlays/compute-sriov/bios.json",
      #"{"@Redfish.SettingsApplyTime": {"ApplyTime": "AtMaintenanceWindowStart"}}"#)
    try fixture.write(
      "overlays/compute-sriov/overlay.yaml",
      try fixture.read("overlays/compute-sriov/overlay.yaml")
        + "patches:\n  - {file: firmware/bios.json, merge: json-merge, with: bios.json}\n")
    let result = try fixture.kiln("render", "--env", "prod", "--out", "out")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(try fixture.read("out/cmp01/firmware/bios.json").contains("AtMaintenanceWindowStart"))
    #expect(!(try fixture.read("out/ctl01/firmware/bios.json").contains("AtMaintenanceWindow")))
  }
}
