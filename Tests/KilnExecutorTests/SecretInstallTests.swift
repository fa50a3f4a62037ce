import Foundation
import KilnBundle
import KilnCompiler
import KilnSecrets
import Testing

@testable import KilnExecutor

/// `--identity`: placeholders are revealed at install into 0600 files; the staged release keeps
/// only placeholders; without an identity nothing is written.
struct SecretInstallTests {
  static let identity = AgeIdentity.generate()

  static func input() throws -> BundleInput {
    let encrypted = try Age.encrypt(
      Array("s3cret-pa55".utf8), to: [identity.recipient], armor: false)
    let fingerprint = SecretPlaceholder.fingerprint(ofEncryptedFile: encrypted)
    var files = BundleFactory.files(generation: 1)
    files[0].contents = Array(
      "[mysqld]\nwsrep_sst_auth = root:<secret db_password sha256:\(fingerprint)>\n".utf8)
    files[0].isSecret = true
    return try BundleFactory.input(
      generation: 1, version: 1, files: files,
      extra: [TarEntry(path: "secrets/db_password.age", mode: 0o644, contents: encrypted)])
  }

  @Test func identityRevealsSecretsIntoPrivateFiles() throws {
    let setup = try ExecutorTests.Setup()
    var options = setup.options()
    options.secrets = try AgeSecretResolver(
      identityFile: "# test\n\(Self.identity.encoded)\n", path: "test.key")
    let outcome = try setup.apply(try Self.input(), options: options)
    #expect(outcome.status == .applied)
    let host = BundleFactory.files(generation: 1)[0].host
    let installed = setup.driver.hostLink(host) + "/mariadb/galera.cnf"
    let text = String(decoding: DurableFiles.read(installed) ?? [], as: UTF8.self)
    #expect(text == "[mysqld]\nwsrep_sst_auth = root:s3cret-pa55\n")
    let mode = try FileManager.default.attributesOfItem(atPath: installed)[.posixPermissions]
    #expect((mode as? Int) == 0o600)
    let staged = setup.state.releaseDirectory(outcome.digest) + "/files/\(host)/mariadb/galera.cnf"
    let stagedText = String(decoding: DurableFiles.read(staged) ?? [], as: UTF8.self)
    #expect(stagedText.contains("<secret db_password sha256:"))
    #expect(!stagedText.contains("s3cret"))
  }

  @Test func withoutIdentityNothingIsWritten() throws {
    let setup = try ExecutorTests.Setup()
    do {
      try setup.apply(try Self.input())
      Issue.record("applied secrets without an identity")
    } catch let error as ExecutorError {
      #expect(error.kind == .secrets)
      #expect(error.message.contains("db_password"))
    }
    #expect(!DurableFiles.exists(setup.state.path))
  }

  @Test func wrongIdentityFailsTheHostAndRollsBack() throws {
    let setup = try ExecutorTests.Setup()
    var options = setup.options()
    options.secrets = try AgeSecretResolver(
      identityFile: AgeIdentity.generate().encoded, path: "other.key")
    let outcome = try setup.apply(try Self.input(), options: options)
    #expect(outcome.status == .rolledBack)
    #expect(outcome.reason?.contains("cannot decrypt") == true)
  }

  @Test func identityFileWithoutKeysIsRefused() {
    #expect(throws: ExecutorError.self) {
      try AgeSecretResolver(identityFile: "# nothing here\n", path: "empty.key")
    }
  }
}
