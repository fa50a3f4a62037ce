import KilnDiagnostics
import KilnGit
import KilnSecrets
import Testing

@testable import KilnCompiler

/// `!secret` values through the compiler: placeholders, inheritance, owner-only files, reveal.
@Suite struct SecretCompileTests {
  static let identity = AgeIdentity.generate()
  /// The base environment's encrypted `app_password` (value `base-pw`), made once.
  static let baseFile = (try? encrypted("base-pw")) ?? ""

  static func encrypted(_ value: String) throws -> String {
    String(
      decoding: try Age.encrypt(Array(value.utf8), to: [identity.recipient], armor: true),
      as: UTF8.self)
  }

  static func repository(_ changes: [String: String?] = [:]) throws -> [String: String] {
    var files: [String: String] = [
      "kiln.yaml": "kiln: 1\ndefault-env: prod\n",
      "environments/base/env.yaml":
        "inherits: []\nsecrets: {recipients: [\(identity.recipient.encoded)]}\n",
      "environments/base/inventory.yaml": "all:\n  children:\n    web: {}\n",
      "environments/base/group_vars/all.yaml": "pw: !secret app_password\nuser: app\n",
      "environments/base/secrets/app_password.age": baseFile,
      "environments/prod/env.yaml": "inherits: [base]\n",
      "environments/prod/inventory.yaml":
        "all:\n  children:\n    web:\n      hosts:\n        web01: {}\n",
      "templates/app/service.yaml": """
      name: app
      hosts: web
      files:
        - {src: app.conf.j2, dest: app/app.conf, format: text, mode: "0640"}
        - {src: plain.j2, dest: app/plain, format: text, mode: "0644"}
      """,
      "templates/app/app.conf.j2":
        "dsn = {{ user }}:{{ pw }}@db\nhash = {{ pw | rabbitmq_password_hash(user) }}\n",
      "templates/app/plain.j2": "user = {{ user }}\n",
    ]
    for (path, text) in changes { files[path] = text }
    return files
  }

  static func compile(_ changes: [String: String?] = [:]) async throws -> (
    EnvironmentCompiler, CompileResult
  ) {
    let compiler = try EnvironmentCompiler(
      source: InMemorySourceTree(texts: try repository(changes).compactMapValues { $0 }),
      environment: "prod", assignments: [])
    return (compiler, try await compiler.compile())
  }

  @Test func secretFilesCarryPlaceholdersAndAreOwnerOnly() async throws {
    let (_, result) = try await Self.compile()
    let file = try #require(result.files.first { $0.path == "app/app.conf" })
    let fingerprint = SecretPlaceholder.fingerprint(
      ofEncryptedFile: Array(Self.baseFile.utf8))
    #expect(
      String(decoding: file.contents, as: UTF8.self)
        == "dsn = app:<secret app_password sha256:\(fingerprint)>@db\n"
        + "hash = <secret app_password sha256:\(fingerprint) | rabbitmq_password_hash app>\n")
    #expect(file.isSecret)
    #expect(file.mode == 0o600)
    let plain = try #require(result.files.first { $0.path == "app/plain" })
    #expect(!plain.isSecret)
    #expect(plain.mode == 0o644)
  }

  @Test func theMostSpecificEnvironmentsFileWins() async throws {
    let prodFile = try Self.encrypted("prod-pw")
    let (compiler, result) = try await Self.compile([
      "environments/prod/secrets/app_password.age": prodFile
    ])
    let file = try #require(result.files.first { $0.path == "app/app.conf" })
    let fingerprint = SecretPlaceholder.fingerprint(ofEncryptedFile: Array(prodFile.utf8))
    #expect(
      SecretPlaceholder.references(in: file.contents).first?.reference.fingerprint == fingerprint)
    let revealed = try result.revealingSecrets(
      catalog: compiler.secrets, chain: compiler.environment.chain, identities: [Self.identity])
    let text = String(
      decoding: try #require(revealed.files.first { $0.path == "app/app.conf" }).contents,
      as: UTF8.self)
    let hash = SecretTransform.rabbitMQPasswordHash(password: Array("prod-pw".utf8), seed: "app")
    #expect(text == "dsn = app:prod-pw@db\nhash = \(hash)\n")
  }

  @Test func aFilterThatChangesThePlaceholderIsAnError() async throws {
    do {
      _ = try await Self.compile(["templates/app/plain.j2": "user = {{ pw | upper }}\n"])
      Issue.record("compiled a secret passed through | upper")
    } catch let error as DiagnosticsError {
      #expect(error.diagnostics.map(\.id.rawValue) == ["KLN655"])
      #expect(!"\(error.diagnostics)".contains("base-pw"))
    }
  }

  @Test(
    arguments: [
      ("environments/base/secrets/app_password.age", nil, "KLN650"),
      ("environments/base/env.yaml", "inherits: []\n", "KLN651"),
      ("environments/base/env.yaml", "inherits: []\nsecrets: {recipients: [nope]}\n", "KLN652"),
      ("environments/base/env.yaml", "inherits: []\nsecrets: {people: []}\n", "KLN652"),
    ] as [(String, String?, String)])
  func badInputIsALocatedError(path: String, text: String?, id: String) async throws {
    do {
      _ = try await Self.compile([path: text])
      Issue.record("compiled despite \(id)")
    } catch let error as DiagnosticsError {
      #expect(error.diagnostics.map(\.id.rawValue).contains(id), "\(error.diagnostics)")
      #expect(error.diagnostics.allSatisfy { $0.location != nil })
      #expect(!"\(error.diagnostics)".contains("base-pw"))
    }
  }
}
