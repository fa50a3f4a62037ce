import Foundation
import Testing

/// `kiln diff` end to end: formats, exit codes, the cache directory, bad input.
@Suite(.serialized)
struct DiffCommandTests {
  static let controlVars = "environments/prod/group_vars/control.yaml"

  /// The example with the RabbitMQ watermark raised in the working tree.
  static func changedFixture() throws -> ExampleFixture {
    let fixture = try ExampleFixture(label: "diff")
    let text = try fixture.read(controlVars)
    try writeFiles(
      [
        controlVars: text.replacingOccurrences(
          of: "vm_memory_high_watermark.relative: 0.6",
          with: "vm_memory_high_watermark.relative: 0.7")
      ], under: fixture.root)
    return fixture
  }

  @Test func markdownNamesGroupKeyRestartAndSource() throws {
    let fixture = try Self.changedFixture()
    defer { fixture.remove() }
    let result = try fixture.kiln("diff", "--env", "prod", "--base", "HEAD", "--format", "markdown")
    #expect(result.exitCode == 0, "\(result.stderr)")
    #expect(result.stdout.contains("restarts rabbitmq on control (3)"))
    #expect(
      result.stdout.contains(
        "<summary><b>control (3 hosts)</b> · <code>rabbitmq/rabbitmq.conf</code> · "
          + "restarts rabbitmq · waves 2, 3</summary>"))
    #expect(result.stdout.contains("- `vm_memory_high_watermark.relative`: `0.6` → `0.7`"))
    #expect(result.stdout.contains("- source `\(Self.controlVars):6`"))
  }

  @Test func exitCodeOneWhenSomethingDiffersAndZeroOtherwise() throws {
    let fixture = try Self.changedFixture()
    defer { fixture.remove() }
    let changed = try fixture.kiln("diff", "--base", "HEAD", "--exit-code")
    #expect(changed.exitCode == 1)
    #expect(changed.stdout.contains("env prod: 3 files on 3 hosts"))
    let same = try fixture.kiln("diff", "--base", "HEAD", "--head", "HEAD", "--exit-code")
    #expect(same.exitCode == 0)
    #expect(same.stdout.contains("env prod: no file changes"))
  }

  @Test func cacheIsWrittenUnderDotKilnAndWarmEqualsCold() throws {
    let fixture = try Self.changedFixture()
    defer { fixture.remove() }
    let cold = try fixture.kiln("diff", "--base", "HEAD", "--format", "json")
    let cache = fixture.root.appendingPathComponent(".kiln/cache/render-v1").path
    #expect(FileManager.default.fileExists(atPath: cache))
    let warm = try fixture.kiln("diff", "--base", "HEAD", "--format", "json")
    let uncached = try fixture.kiln("diff", "--base", "HEAD", "--format", "json", "--no-cache")
    #expect(cold.exitCode == 0 && warm.exitCode == 0)
    #expect(cold.stdout == warm.stdout)
    #expect(uncached.stdout == warm.stdout)
    #expect(warm.stdout.contains("\"schema\": \"kiln-diff/1\""))
  }

  @Test func unknownBaseRevisionExitsTwo() throws {
    let fixture = try ExampleFixture(label: "diff-bad")
    defer { fixture.remove() }
    let result = try fixture.kiln("diff", "--base", "no-such-branch")
    #expect(result.exitCode == 2)
    #expect(result.stderr.contains("no-such-branch"))
  }

  @Test func renderFailureOnHeadIsReportedWithExitTwo() throws {
    let fixture = try Self.changedFixture()
    defer { fixture.remove() }
    let template = "templates/fluentd/td-agent.conf.j2"
    try writeFiles(
      [template: try fixture.read(template) + "{{ missing_in_head }}\n"], under: fixture.root)
    let result = try fixture.kiln("diff", "--base", "HEAD", "--format", "markdown")
    #expect(result.exitCode == 2)
    #expect(result.stdout.contains("render failed on head"))
    #expect(result.stdout.contains("missing_in_head"))
  }

  @Test func environmentAddedAtHead() throws {
    let fixture = try ExampleFixture(label: "diff-added")
    defer { fixture.remove() }
    try writeFiles(
      [
        "environments/qa/env.yaml": "inherits: [base]\n",
        "environments/qa/inventory.yaml":
          "all:\n  children:\n    compute:\n      hosts:\n        qa01: {}\n",
        "environments/qa/host_vars/qa01.yaml": "api_interface_address: 10.9.0.1\n",
      ], under: fixture.root)
    let result = try fixture.kiln("diff", "--env", "qa", "--base", "HEAD", "--exit-code")
    #expect(result.exitCode == 1, "\(result.stderr)")
    #expect(result.stdout.contains("env qa: environment added: 1 host"))
  }
}
