import Foundation
import KilnTestSupport
import Testing

/// `kiln diff` and `kiln check` never print a secret value: neither the old one nor a new one
/// set in the working tree, in any report format.
@Suite struct SecretReviewLeakTests {
  static let newValue = "n3w-rabbitmq-pa55word-for-review"

  @Test(arguments: ["text", "markdown", "json", "html"])
  func diffOfAChangedSecretShowsFingerprintsOnly(format: String) throws {
    let fixture = try ExampleFixture(label: "leak-diff-\(format)")
    defer { fixture.remove() }
    let values = try SecretFixture.values() + [Self.newValue]
    let set = try KilnProcess.run(
      ["secret", "set", "--env", "base", "rabbitmq_password"], in: fixture.root,
      stdin: Self.newValue + "\n")
    #expect(set.exitCode == 0, "\(set.stderr)")
    let result = try fixture.kiln(
      "diff", "--env", "prod", "--base", "HEAD", "--format", format, "--exit-code")
    #expect(result.exitCode == 1, "\(result.stderr)")
    #expect(result.stdout.contains("rabbitmq"))
    #expect(
      SecretFixture.leaks(in: Array((result.stdout + result.stderr).utf8), values: values).isEmpty)
    if format == "text" {
      #expect(result.stdout.contains("changed (sha256:"))
    }
  }

  @Test(arguments: ["text", "json", "github", "sarif"])
  func checkPrintsNoSecretValue(format: String) throws {
    let values = try SecretFixture.values()
    let result = try KilnProcess.run(
      ["check", "--all", "--format", format], in: packageRoot)
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(
      SecretFixture.leaks(in: Array((result.stdout + result.stderr).utf8), values: values).isEmpty)
  }
}
