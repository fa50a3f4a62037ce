import Foundation
import KilnSecrets
import KilnTestSupport
import Testing

/// `kiln secret set|fingerprint|rekey` and `render --reveal` on a copy of the example.
@Suite struct SecretCommandTests {
  @Test func setEncryptsFromStandardInputToEveryRecipient() throws {
    let fixture = try ExampleFixture(label: "secret-set")
    defer { fixture.remove() }
    let result = try KilnProcess.run(
      ["secret", "set", "--env", "staging", "api_token"], in: fixture.root,
      stdin: "s3cr3t-token-value\n")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("s3cr3t-token-value"))
    #expect(!result.stderr.contains("s3cr3t-token-value"))
    let file = Array(
      try Data(
        contentsOf: fixture.root.appendingPathComponent(
          "environments/staging/secrets/api_token.age")))
    #expect(
      String(decoding: file.prefix(34), as: UTF8.self) == "-----BEGIN AGE ENCRYPTED FILE-----")
    for who in ["executor", "operator"] {
      let plain = try Age.decrypt(file, identities: SecretFixture.identities(who))
      #expect(plain == Array("s3cr3t-token-value".utf8))
    }
  }

  @Test func fingerprintIsTheDigestOfTheInheritedFile() throws {
    let result = try KilnProcess.run(
      ["secret", "fingerprint", "--env", "prod", "rabbitmq_password"], in: packageRoot)
    #expect(result.exitCode == 0, "\(result.stderr)")
    let path = "environments/base/secrets/rabbitmq_password.age"
    let bytes = Array(try Data(contentsOf: packageRoot.appendingPathComponent(path)))
    let fingerprint = SecretPlaceholder.fingerprint(ofEncryptedFile: bytes)
    #expect(result.stdout == "<secret rabbitmq_password sha256:\(fingerprint)>  \(path)\n")
  }

  @Test func fingerprintOfAMissingSecretNamesIt() throws {
    let result = try KilnProcess.run(
      ["secret", "fingerprint", "--env", "prod", "no_such_secret"], in: packageRoot)
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("KLN650"))
    #expect(result.stderr.contains("no_such_secret"))
  }

  @Test func rekeyReencryptsForANewRecipient() throws {
    let fixture = try ExampleFixture(label: "secret-rekey")
    defer { fixture.remove() }
    let newcomer = AgeIdentity.generate()
    let operatorRecipient = try SecretFixture.identities("operator")[0].recipient.encoded
    try fixture.edit(
      "environments/base/env.yaml", replacing: "recipients: [\(operatorRecipient)]",
      with: "recipients: [\(operatorRecipient), \(newcomer.recipient.encoded)]")
    let denied = try fixture.kiln("secret", "rekey", "--env", "base")
    #expect(denied.exitCode == 2)
    let wrongKey = fixture.root.appendingPathComponent("wrong.key")
    try AgeIdentity.generate().fileContents.write(to: wrongKey, atomically: true, encoding: .utf8)
    let before = try fixture.tree("environments/base/secrets")
    let wrong = try fixture.kiln("secret", "rekey", "--env", "base", "--identity", wrongKey.path)
    #expect(wrong.exitCode == 2)
    #expect(wrong.stderr.contains("KLN653"))
    #expect(try fixture.tree("environments/base/secrets") == before)
    let rekey = try fixture.kiln(
      "secret", "rekey", "--env", "base", "--identity", SecretFixture.identityPath("operator"))
    #expect(rekey.exitCode == 0, "\(rekey.stderr)")
    #expect(rekey.stdout.contains("6 secret(s) re-encrypted"))
    for name in SecretFixture.names {
      let file = Array(
        try Data(
          contentsOf: fixture.root.appendingPathComponent(
            "environments/base/secrets/\(name).age")))
      #expect(
        try Age.decrypt(file, identities: [newcomer]) == Array(try SecretFixture.value(name).utf8))
    }
  }

  @Test func setRefusesAnEnvironmentWithoutRecipients() throws {
    let fixture = try ExampleFixture(label: "secret-norecipients")
    defer { fixture.remove() }
    let text = try fixture.read("environments/base/env.yaml")
    try fixture.write(
      "environments/base/env.yaml", String(text[..<(text.range(of: "# Who can read")!.lowerBound)]))
    let result = try KilnProcess.run(
      ["secret", "set", "--env", "prod", "x"], in: fixture.root, stdin: "value")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("KLN651"))
    #expect(
      !FileManager.default.fileExists(
        atPath: fixture.root.appendingPathComponent("environments/prod/secrets/x.age").path))
  }

  @Test func revealWritesValuesAndCompletesTransforms() throws {
    let fixture = try ExampleFixture(label: "secret-reveal")
    defer { fixture.remove() }
    let result = try fixture.kiln(
      "render", "--env", "staging", "--out", "out", "--reveal", "--identity",
      SecretFixture.identityPath("executor"))
    #expect(result.exitCode == 0, "\(result.stderr)")
    let host = "stg-ctl01"
    let cookie = try fixture.read("out/\(host)/rabbitmq/erlang.cookie")
    #expect(cookie == (try SecretFixture.value("rabbitmq_cluster_cookie")) + "\n")
    let definitions = try fixture.read("out/\(host)/rabbitmq/definitions.json")
    let hash = SecretTransform.rabbitMQPasswordHash(
      password: Array(try SecretFixture.value("rabbitmq_password").utf8), seed: "openstack")
    #expect(definitions.contains("\"password_hash\": \"\(hash)\""))
    #expect(!definitions.contains("<secret"))
  }

  @Test func revealWithTheWrongIdentityWritesNothing() throws {
    let fixture = try ExampleFixture(label: "secret-wrong")
    defer { fixture.remove() }
    let wrongKey = fixture.root.appendingPathComponent("wrong.key")
    try AgeIdentity.generate().fileContents.write(to: wrongKey, atomically: true, encoding: .utf8)
    let result = try fixture.kiln(
      "render", "--env", "staging", "--out", "out", "--reveal", "--identity", wrongKey.path)
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("KLN653"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
  }

  @Test func revealOfATamperedSecretNamesItAndWritesNothing() throws {
    let fixture = try ExampleFixture(label: "secret-tamper")
    defer { fixture.remove() }
    let path = "environments/base/secrets/haproxy_password.age"
    var lines = try fixture.read(path).split(separator: "\n", omittingEmptySubsequences: false)
    let index = lines.count - 4
    var line = Array(lines[index].utf8)
    line[10] = line[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    lines[index] = Substring(String(decoding: line, as: UTF8.self))
    try fixture.write(path, lines.joined(separator: "\n"))
    let result = try fixture.kiln(
      "render", "--env", "staging", "--out", "out", "--reveal", "--identity",
      SecretFixture.identityPath("executor"))
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("haproxy_password"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
  }
}
