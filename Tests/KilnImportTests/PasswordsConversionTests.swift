import Testing

@testable import KilnImport

/// A reversible stand-in for age (the CLI tests use real age files).
struct ReversingSealer: SecretSealing {
  func seal(_ plaintext: [UInt8]) throws -> [UInt8] { Array("sealed:".utf8) + plaintext.reversed() }
}

/// passwords.yml becomes `!secret` references and sealed files; nothing is written in clear.
struct PasswordsConversionTests {
  static let source = """
    database_password: s3cret-db
    empty_password:
    nova_ssh_key:
      private_key: |
        PRIVATE-MATERIAL
      public_key: ssh-ed25519 PUBLIC
    numeric: 12345
    weird list: [a]

    """

  @Test func referencesAndSecrets() throws {
    let conversion = try PasswordsConversion(
      text: Self.source, file: "passwords.yml", sealer: ReversingSealer())
    #expect(
      conversion.referencesText == """
        # Passwords imported from passwords.yml by `kiln import`: each value is an age secret.
        database_password: !secret database_password
        empty_password: null
        nova_ssh_key:
          private_key: !secret nova_ssh_key.private_key
          public_key: !secret nova_ssh_key.public_key
        numeric: !secret numeric

        """)
    #expect(
      conversion.secrets.map(\.name) == [
        "database_password", "nova_ssh_key.private_key", "nova_ssh_key.public_key", "numeric",
      ])
    #expect(
      conversion.secrets[0].bytes == Array("sealed:".utf8) + Array("s3cret-db".utf8).reversed())
    #expect(conversion.secrets[1].bytes.count == "sealed:".count + "PRIVATE-MATERIAL\n".count)
    #expect(
      conversion.diagnostics.map(\.id) == [
        ImportDiagnostics.emptyPassword, ImportDiagnostics.unknownConstruct,
      ])
  }

  @Test func noValueAppearsInClear() throws {
    let conversion = try PasswordsConversion(
      text: Self.source, file: "passwords.yml", sealer: ReversingSealer())
    for value in ["s3cret-db", "PRIVATE-MATERIAL", "PUBLIC", "12345"] {
      #expect(!conversion.referencesText.contains(value))
      #expect(
        !conversion.secrets.contains { String(decoding: $0.bytes, as: UTF8.self).contains(value) })
    }
  }
}
