import Foundation
import KilnSecrets
import Testing

/// `kiln import kayobe` end to end: environments with their inherits chain, inventories,
/// firmware overrides from bios_config/raid_config, and a repository Kiln reads.
struct ImportKayobeCommandTests {
  static func text(_ tree: [String: Data], _ path: String) -> String {
    tree[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
  }

  @Test func importsEnvironmentsInventoriesAndFirmware() throws {
    let fixture = try ImportFixture("import-kayobe")
    defer { fixture.remove() }
    let result = try KilnProcess.run(
      [
        "import", "kayobe", "--config-path", ImportFixture.kayobe.path, "--out", fixture.out.path,
        "--recipient", fixture.identity.recipient.encoded,
      ], in: fixture.directory)
    #expect(result.exitCode == 1, "\(result.stderr)")
    #expect(
      result.stdout.contains(
        "environments/production/kolla/passwords.yml: warning[KLN815]: encrypted with ansible-vault"
      ))
    #expect(result.stdout.contains("environments/production/globals.yml:4:1: warning[KLN810]"))
    #expect(result.stdout.contains("environments        3"))
    let tree = files(under: fixture.out)
    #expect(Self.text(tree, "environments/production/env.yaml").contains("inherits: [staging]"))
    #expect(Self.text(tree, "environments/staging/env.yaml").contains("inherits: [base]"))
    #expect(Self.text(tree, "environments/base/env.yaml").contains("inherits: []"))
    #expect(
      Self.text(tree, "environments/staging/env.yaml").contains(
        "recipients: [\(fixture.identity.recipient.encoded)]"))
    #expect(
      Self.text(tree, "environments/staging/group_vars/all/passwords.yaml").contains(
        "database_password: !secret database_password"))
    let secret = try Data(
      contentsOf: fixture.out.appendingPathComponent(
        "environments/staging/secrets/database_password.age"))
    #expect(
      try Age.decrypt(Array(secret), identities: [fixture.identity])
        == Array("fake-staging-db-Qw3Er4".utf8))
    for (path, data) in tree {
      #expect(!String(decoding: data, as: UTF8.self).contains("fake-staging"), "\(path) in clear")
    }
    #expect(
      Self.text(tree, "environments/production/env.yaml").contains(
        "overlays: [production-kolla-config]"))
    let group = Self.text(tree, "environments/base/group_vars/compute/bios.yaml")
    #expect(group.contains("firmware_bios_attributes: !replace\n  BootMode: Uefi"))
    #expect(group.contains("firmware_profile: kayobe-imported"))
    let raid = Self.text(tree, "environments/base/group_vars/compute/raid.yaml")
    #expect(raid.contains("firmware_raid_logical_disks: !replace\n  root:\n    raid_level: \"1\""))
    #expect(raid.contains("  disk1:\n    raid_level: \"5\""))
    #expect(
      Self.text(tree, "environments/production/host_vars/cmp01/00-base-bios.yaml")
        .contains("LogicalProc: Disabled"))
    #expect(tree["templates/firmware/profiles/kayobe-imported.yaml"] != nil)
    #expect(
      Self.text(tree, "environments/base/group_vars/all/kolla-globals.yaml").contains(
        "enable_haproxy: true"))
    let explain = try KilnProcess.run(
      [
        "explain", "-C", fixture.out.path, "--env", "production", "--host", "cmp01", "--var",
        "firmware_bios_attributes.LogicalProc",
      ], in: fixture.directory)
    #expect(explain.exitCode == 0, "\(explain.stderr)")
    #expect(explain.stdout.contains("Disabled"))
  }

  @Test func plainPasswordsNeedARecipient() throws {
    let fixture = try ImportFixture("import-kayobe-norecipient")
    defer { fixture.remove() }
    let result = try KilnProcess.run(
      ["import", "kayobe", "--config-path", ImportFixture.kayobe.path, "--out", fixture.out.path],
      in: fixture.directory)
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("error[KLN805]"))
    #expect(!FileManager.default.fileExists(atPath: fixture.out.path))
  }

  @Test func rejectsAMissingConfigPath() throws {
    let fixture = try ImportFixture("import-kayobe-bad")
    defer { fixture.remove() }
    let result = try KilnProcess.run(
      ["import", "kayobe", "--config-path", "/nonexistent/kayobe", "--out", fixture.out.path],
      in: fixture.directory)
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("/nonexistent/kayobe: error[KLN804]"))
    #expect(!FileManager.default.fileExists(atPath: fixture.out.path))
  }
}
