import KilnDiagnostics
import Testing

@testable import KilnFirmware

private let parent = """
  vendor: Example
  model: Base
  bios:
    attributes:
      BootMode: Uefi
      ProcVirtualization: Enabled
      UsbPorts: true
  raid:
    logical_disks:
      root: {raid_level: "1", size_gb: 100, is_root_volume: true}
      scratch: {raid_level: "0", size_gb: 50}

  """

private func host(_ extra: [String: String], host: String = "node01") throws -> HostFirmware {
  let source = FirmwareFixture.source(extra: extra)
  let environment = try FirmwareFixture.environment(source)
  let catalog = FirmwareCatalog.load(from: source)
  var diagnostics: [Diagnostic] = []
  let firmware = HostFirmware.resolve(
    host: host, environment: environment, catalog: catalog, diagnostics: &diagnostics)
  #expect(diagnostics.isEmpty, "\(diagnostics)")
  return try #require(firmware)
}

@Test func extendsMergesAttributesAndDisksAndNullRemoves() throws {
  let firmware = try host([
    "templates/firmware/profiles/parent.yaml": parent,
    "templates/firmware/profiles/child.yaml": """
    extends: parent
    model: Child
    bios:
      apply_time: Immediate
      attributes:
        ProcVirtualization: Disabled
        UsbPorts: ~
        AssetTag: child
    raid:
      logical_disks:
        root: {size_gb: 200}
        scratch: ~

    """,
    "environments/prod/host_vars/node01.yaml": "firmware_profile: child\n",
  ])
  let settings = firmware.settings
  #expect(settings.vendor?.name == "Example")
  #expect(settings.model?.name == "Child")
  #expect(settings.applyTime.value == .string("Immediate"))
  #expect(settings.attributes.map(\.key) == ["BootMode", "ProcVirtualization", "AssetTag"])
  #expect(settings.attributes[1].value.value == .string("Disabled"))
  #expect(settings.attributes[1].value.location.file == "templates/firmware/profiles/child.yaml")
  #expect(settings.logicalDisks.map(\.handle) == ["root"])
  #expect(settings.logicalDisks[0]["size_gb"]?.value == .int(200))
  #expect(settings.logicalDisks[0]["is_root_volume"]?.value == .bool(true))
}

@Test func oneHostVariableOverridesOneAttributeWithItsLine() throws {
  let firmware = try host([
    "environments/prod/group_vars/nodes.yaml": "firmware_bios_attributes:\n  BootMode: Bios\n",
    "environments/prod/host_vars/node01.yaml": """
    # one attribute on one host
    firmware_bios_attributes:
      ProcVirtualization: Disabled

    """,
  ])
  let attributes = firmware.settings.attributes
  let virtualization = try #require(attributes.first { $0.key == "ProcVirtualization" })
  #expect(virtualization.value.value == .string("Disabled"))
  #expect(
    virtualization.value.location
      == SourceLocation(file: "environments/prod/host_vars/node01.yaml", line: 3, column: 23))
  let boot = try #require(attributes.first { $0.key == "BootMode" })
  #expect(boot.value.value == .string("Bios"))
  #expect(boot.value.location.file == "environments/prod/group_vars/nodes.yaml")
  let delay = try #require(attributes.first { $0.key == "AcPwrRcvryUserDelay" })
  #expect(delay.value.location.file == "templates/firmware/profiles/node.yaml")
  let other = try host([:], host: "node02")
  #expect(
    other.settings.attributes.first { $0.key == "ProcVirtualization" }?.value.value
      == .string("Enabled"))
}

@Test func logicalDiskOverridesMergeFieldsAddAndRemoveDisks() throws {
  let firmware = try host([
    "environments/prod/host_vars/node01.yaml": """
    firmware_raid_logical_disks:
      root: {size_gb: 150, volume_name: os}
      data: ~
      logs: {raid_level: "0", size_gb: 20, share_physical_disks: true}

    """
  ])
  let disks = firmware.settings.logicalDisks
  #expect(disks.map(\.handle) == ["root", "logs"])
  #expect(disks[0]["size_gb"]?.value == .int(150))
  #expect(disks[0]["volume_name"]?.value == .string("os"))
  #expect(disks[0]["raid_level"]?.location.file == "templates/firmware/profiles/node.yaml")
  #expect(disks[1]["share_physical_disks"]?.value == .bool(true))
}

@Test func templatedValuesAreEvaluatedPerHost() throws {
  let firmware = try host([
    "environments/prod/group_vars/all.yaml": """
    firmware_profile: "{{ 'no' + 'de' }}"
    boot: Bios
    firmware_bios_apply_time: "{{ 'Immediate' }}"
    firmware_bios_attributes:
      BootMode: "{{ boot }}"
      AcPwrRcvryUserDelay: "{{ 60 * 3 }}"

    """
  ])
  #expect(firmware.selection.name == "node")
  #expect(firmware.settings.applyTime.value == .string("Immediate"))
  let attributes = firmware.settings.attributes
  #expect(attributes.first { $0.key == "BootMode" }?.value.value == .string("Bios"))
  #expect(attributes.first { $0.key == "AcPwrRcvryUserDelay" }?.value.value == .int(180))
}

@Test(arguments: ["", "firmware_profile: ~\n", "firmware_profile: \"\"\n"])
func hostsWithoutAProfileGetNoFiles(_ vars: String) throws {
  let source = FirmwareFixture.source(extra: ["environments/prod/group_vars/all.yaml": vars])
  let environment = try FirmwareFixture.environment(source)
  let rendered = try FirmwareRenderer.files(
    for: environment, hosts: environment.hosts, source: source)
  #expect(rendered.isEmpty)
  #expect(FirmwareValidation.findings(for: environment).isEmpty)
}

@Test func withoutTheFirmwareServiceNothingIsRendered() throws {
  var source = FirmwareFixture.source()
  source.files["templates/firmware/service.yaml"] = nil
  let environment = try FirmwareFixture.environment(source)
  #expect(
    try FirmwareRenderer.files(for: environment, hosts: environment.hosts, source: source)
      .isEmpty)
}
