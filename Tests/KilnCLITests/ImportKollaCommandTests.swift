import Foundation
import KilnSecrets
import KilnTestSupport
import Testing

/// `kiln import kolla` end to end: what it writes, what it reports, and that no password is
/// ever written in clear.
struct ImportKollaCommandTests {
  @Test func importsTheDeploymentAndReportsWhatItSkipped() throws {
    let fixture = try ImportFixture("import-kolla")
    defer { fixture.remove() }
    let result = try fixture.importKolla()
    #expect(result.exitCode == 1, "\(result.stderr)")
    let services =
      (try FileManager.default.contentsOfDirectory(
        atPath: packageRoot.appendingPathComponent("templates").path)).filter {
        FileManager.default.fileExists(
          atPath: packageRoot.appendingPathComponent("templates/\($0)/service.yaml").path)
      }.count
    for line in [
      "hosts      9", "groups     17", "secrets    12", "services   \(services)", "overrides  8",
    ] {
      #expect(result.stdout.contains(line), "\(result.stdout)")
    }
    #expect(
      result.stdout.contains("globals.yml:17:1: warning[KLN810]: 'kolla_external_vip_address'"))
    #expect(result.stdout.contains("config/nova.conf: note[KLN814]"))
    #expect(result.stdout.contains("passwords.yml:13:1: note[KLN813]"))
    let tree = files(under: fixture.out)
    #expect(tree["environments/prod/inventory.yaml"] != nil)
    #expect(
      tree["environments/prod/host_vars/cmp03.yaml"].map { String(decoding: $0, as: UTF8.self) }?
        .contains("ansible_port: 2223") == true)
    for path in [
      "galera.cnf", "mariadb/ctl01/galera.cnf", "rabbitmq/enabled_plugins", "nova/cmp01/nova.conf",
    ] {
      let original = try Data(
        contentsOf: ImportFixture.kolla.appendingPathComponent("config/\(path)"))
      #expect(tree["overlays/kolla-config/config/\(path)"] == original, "\(path) byte for byte")
    }
  }

  @Test func passwordsAreAgeSecretsAndNeverInClear() throws {
    let fixture = try ImportFixture("import-secrets")
    defer { fixture.remove() }
    let result = try fixture.importKolla()
    #expect(result.exitCode == 1)
    for (path, data) in files(under: fixture.out) {
      let text = String(decoding: data, as: UTF8.self)
      for password in ImportFixture.passwords {
        #expect(!text.contains(password), "\(path) holds a password in clear")
      }
    }
    for password in ImportFixture.passwords {
      #expect(!result.stdout.contains(password) && !result.stderr.contains(password))
    }
    #expect(try fixture.secret("database_password") == Array("fake-db-Xq7rT2kP9w".utf8))
    #expect(
      try fixture.secret("nova_ssh_key.public_key")
        == Array("ssh-ed25519 ZmFrZS1wdWJsaWMta2V5 fake@kolla".utf8))
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: fixture.out.appendingPathComponent(
          "environments/prod/secrets/database_password.age"
        ).path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let references = try String(
      contentsOf: fixture.out.appendingPathComponent(
        "environments/prod/group_vars/all/passwords.yaml"),
      encoding: .utf8)
    #expect(references.contains("rabbitmq_password: !secret rabbitmq_password"))
  }

  @Test func importsWithoutOptionalInputs() throws {
    let fixture = try ImportFixture("import-minimal")
    defer { fixture.remove() }
    let result = try fixture.importKolla([
      "--passwords": nil, "--config-dir": nil, "--templates-from": nil, "--recipient": nil,
    ])
    #expect(result.exitCode == 1, "\(result.stderr)")
    let tree = files(under: fixture.out)
    #expect(tree.keys.allSatisfy { !$0.hasPrefix("templates/") && !$0.hasPrefix("overlays/") })
    #expect(
      tree["environments/prod/env.yaml"].map { String(decoding: $0, as: UTF8.self) } == """
        # Imported from kolla-ansible (\(ImportFixture.kolla.path)/multinode) by `kiln import`.
        inherits: []

        """)
  }
}
