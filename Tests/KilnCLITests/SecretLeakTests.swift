import Foundation
import KilnSecrets
import KilnTestSupport
import Testing

/// No secret value of the example reaches any output stream, written file or bundle byte of the
/// commands that must never reveal (render, explain, seal, verify, and their error paths).
@Suite struct SecretLeakTests {
  @Test func renderCarriesPlaceholdersInOwnerOnlyFiles() throws {
    let fixture = try ExampleFixture(label: "leak-render")
    defer { fixture.remove() }
    let values = try SecretFixture.values()
    let result = try fixture.kiln("render", "--env", "prod", "--out", "out")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(
      SecretFixture.leaks(in: Array((result.stdout + result.stderr).utf8), values: values).isEmpty)
    var secretFiles = 0
    for (path, data) in try fixture.tree("out") {
      #expect(SecretFixture.leaks(in: data, values: values).isEmpty, "value in out/\(path)")
      let names = SecretPlaceholder.names(in: Array(data))
      if !names.isEmpty {
        secretFiles += 1
        let attributes = try FileManager.default.attributesOfItem(
          atPath: fixture.root.appendingPathComponent("out/\(path)").path)
        let mode = (attributes[.posixPermissions] as? Int ?? 0) & 0o077
        #expect(mode == 0, "out/\(path) is readable by group or others")
      }
    }
    #expect(secretFiles > 10)
    let manifest = try fixture.read("out/manifest.json")
    #expect(manifest.contains("\"secret\": true") || manifest.contains("\"secret\":true"))
    let cookie = try fixture.read("out/ctl01/rabbitmq/erlang.cookie")
    #expect(cookie.hasPrefix("<secret rabbitmq_cluster_cookie sha256:"))
    let definitions = try fixture.read("out/ctl01/rabbitmq/definitions.json")
    #expect(definitions.contains("| rabbitmq_password_hash openstack>"))
  }

  @Test func explainShowsPlaceholdersOnly() throws {
    let values = try SecretFixture.values()
    for name in SecretFixture.names {
      let result = try KilnProcess.run(
        ["explain", "--env", "prod", "--host", "ctl01", "--var", name], in: packageRoot)
      #expect(result.exitCode == 0, "\(result.stderr)")
      #expect(result.stdout.contains("<secret \(name) sha256:"))
      #expect(
        SecretFixture.leaks(in: Array((result.stdout + result.stderr).utf8), values: values).isEmpty
      )
    }
    for file in ["rabbitmq/definitions.json", "rabbitmq/erlang.cookie", "mariadb/galera.cnf"] {
      let result = try KilnProcess.run(
        ["explain", "--env", "prod", "--host", "ctl01", file], in: packageRoot)
      #expect(result.exitCode == 0, "\(result.stderr)")
      #expect(
        SecretFixture.leaks(in: Array((result.stdout + result.stderr).utf8), values: values).isEmpty
      )
    }
  }

  @Test func sealedBundleHoldsCiphertextsAndNoValue() throws {
    let fixture = try ExampleFixture(label: "leak-seal")
    defer { fixture.remove() }
    let values = try SecretFixture.values()
    let keygen = try fixture.kiln("keygen", "--out", "../leak-seal-signing")
    #expect(keygen.exitCode == 0, "\(keygen.stderr)")
    let key = fixture.root.deletingLastPathComponent().appendingPathComponent("leak-seal-signing")
    defer {
      for suffix in [".key", ".pub", ".pub.json"] {
        try? FileManager.default.removeItem(atPath: key.path + suffix)
      }
    }
    let bundle = fixture.root.deletingLastPathComponent().appendingPathComponent("leak-seal.kiln")
    defer { try? FileManager.default.removeItem(at: bundle) }
    let seal = try fixture.kiln(
      "seal", "--env", "prod", "--rev", "HEAD", "--key", key.path + ".key", "--out", bundle.path)
    #expect(seal.exitCode == 0, "\(seal.stderr)")
    #expect(
      SecretFixture.leaks(in: Array((seal.stdout + seal.stderr).utf8), values: values).isEmpty)
    let archive = Array(try Data(contentsOf: bundle))
    #expect(SecretFixture.leaks(in: archive, values: values).isEmpty)
    for name in SecretFixture.names {
      #expect(SecretFixture.leaks(in: archive, values: ["secrets/\(name).age"]).count == 1)
    }
    let trust = fixture.root.appendingPathComponent("trust.yaml")
    let publicKey = try String(contentsOfFile: key.path + ".pub", encoding: .utf8)
      .split(separator: "\n")[1]
    try "keys:\n  - {name: ci, public: \"\(publicKey)\", envs: [prod]}\nthresholds: {prod: 1}\n"
      .write(to: trust, atomically: true, encoding: .utf8)
    let verify = try fixture.kiln("verify", bundle.path, "--trust", trust.path)
    #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(
      SecretFixture.leaks(in: Array((verify.stdout + verify.stderr).utf8), values: values).isEmpty)
  }

  @Test func missingSecretIsANamedErrorAndNothingIsWritten() throws {
    let fixture = try ExampleFixture(label: "leak-missing")
    defer { fixture.remove() }
    try FileManager.default.removeItem(
      at: fixture.root.appendingPathComponent("environments/base/secrets/database_password.age"))
    let result = try fixture.kiln("render", "--env", "prod", "--out", "out")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("KLN650"))
    #expect(result.stderr.contains("database_password"))
    #expect(result.stderr.contains("group_vars/all.yaml"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
    #expect(
      SecretFixture.leaks(in: Array(result.stderr.utf8), values: try SecretFixture.values()).isEmpty
    )
  }

  @Test func environmentWithoutRecipientsCannotUseSecrets() throws {
    let fixture = try ExampleFixture(label: "leak-norecipients")
    defer { fixture.remove() }
    let text = try fixture.read("environments/base/env.yaml")
    try fixture.write(
      "environments/base/env.yaml", String(text[..<(text.range(of: "# Who can read")!.lowerBound)]))
    let result = try fixture.kiln("render", "--env", "staging", "--out", "out")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("KLN651"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
  }
}
