import Foundation
import Testing

/// Rendered service configs fed to the real daemons (design §11); one suite so that no two
/// daemon tests run at once on a small CI machine. The nested suites live in `Daemon*.swift`.
@Suite(.serialized, .timeLimit(.minutes(10))) struct DaemonTests {}

/// The example repository rendered for one environment by the `kiln` binary into a temporary
/// directory.
struct RenderedExample {
  let fixture: ExampleFixture
  let environment: String

  /// Renders `environment` of a fresh copy of the example repository, secrets revealed with the
  /// example-only executor identity (daemons need the values).
  init(environment: String) throws {
    fixture = try ExampleFixture(label: "daemon-\(environment)")
    self.environment = environment
    let result = try fixture.kiln(
      "render", "--env", environment, "--out", "out", "--reveal", "--identity",
      SecretFixture.identityPath("executor"))
    guard result.exitCode == 0 else {
      fixture.remove()
      throw ShellError(command: "kiln render --env \(environment)", output: result.stderr)
    }
  }

  /// The directory holding one folder per host.
  var root: URL { fixture.root.appendingPathComponent("out") }

  /// The folder of one host's rendered files.
  func host(_ name: String) -> URL { root.appendingPathComponent(name) }

  /// Every host's rendered copy of `path` (e.g. `mariadb/galera.cnf`), sorted by host name.
  func files(_ path: String) throws -> [(host: String, url: URL)] {
    let hosts = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
    return hosts.compactMap { host in
      let url = root.appendingPathComponent(host).appendingPathComponent(path)
      return FileManager.default.fileExists(atPath: url.path) ? (host, url) : nil
    }
  }

  func remove() { fixture.remove() }
}

/// Reads a text file the test wrote or Kiln rendered.
func readText(_ url: URL) throws -> String {
  try String(contentsOf: url, encoding: .utf8)
}

/// Writes `text` to `url`, replacing what was there.
func writeText(_ text: String, to url: URL) throws {
  try Data(text.utf8).write(to: url)
}
