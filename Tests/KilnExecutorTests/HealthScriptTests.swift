import Foundation
import KilnCompiler
import KilnTestSupport
import Testing

@testable import KilnExecutor

/// The example repository's health scripts, run against the example's rendered prod files with
/// stand-ins for mysql, rabbitmq-diagnostics, logger and curl that answer as a healthy or a
/// broken node would.
struct HealthScriptTests {
  static let fakes: [String: String] = [
    "mysql": """
    #!/bin/sh
    for argument; do case $argument in --host=*) echo "$argument" >> "$FAKE_LOG";; esac; done
    case "$*" in
      *wsrep_cluster_size*) printf 'wsrep_cluster_size\\t%s\\n' "$FAKE_SIZE";;
      *wsrep_local_state_comment*) printf 'wsrep_local_state_comment\\t%s\\n' "$FAKE_STATE";;
    esac
    """,
    "rabbitmq-diagnostics": """
    #!/bin/sh
    echo "$*" >> "$FAKE_LOG"
    printf '{"running_nodes": [%s], "disk_nodes": []}\\n' "$FAKE_RUNNING"
    """,
    "logger": """
    #!/bin/sh
    echo "$*" >> "$FAKE_LOG"
    """,
    "curl": """
    #!/bin/sh
    while [ $# -gt 0 ]; do [ "$1" = -d ] && query=$2; shift; done
    [ "$FAKE_ARRIVE" = 1 ] && echo "{\\"hits\\": $query}"
    exit 0
    """,
  ]

  /// A release directory holding the example's rendered prod files, and a directory of fakes.
  static func setUp() async throws -> (release: String, bin: String) {
    let root = try TemporaryDirectory.make("health").path
    let compiler = try EnvironmentCompiler(
      repositoryPath: packageRoot.path, revision: nil, environment: "prod", assignments: [])
    for file in try await compiler.compile().files {
      let path = "\(root)/release/files/\(file.host)/\(file.path)"
      try DurableFiles.makeDirectory(DurableFiles.parent(of: path))
      try DurableFiles.write(file.contents, to: path, mode: 0o644)
    }
    try DurableFiles.makeDirectory(root + "/bin")
    for (name, text) in fakes {
      try DurableFiles.write(Array((text + "\n").utf8), to: "\(root)/bin/\(name)", mode: 0o755)
    }
    return (root + "/release", root + "/bin")
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var script: String
    var host: String
    var environment: [String: String]
    var passes: Bool
    var logged: String
    var testDescription: String { "\(script) \(passes ? "passes" : "fails") \(environment)" }
  }

  static let running = "\"rabbit@ctl01\", \"rabbit@ctl02\", \"rabbit@ctl03\""

  static let cases: [Case] = [
    Case(
      script: "galera-cluster-size.sh", host: "ctl01",
      environment: ["FAKE_SIZE": "3", "FAKE_STATE": "Synced"], passes: true,
      logged: "--host=10.0.0.11"),
    Case(
      script: "galera-cluster-size.sh", host: "ctl02",
      environment: ["FAKE_SIZE": "2", "FAKE_STATE": "Synced"], passes: false,
      logged: "--host=10.0.0.12"),
    Case(
      script: "galera-cluster-size.sh", host: "ctl01",
      environment: ["FAKE_SIZE": "3", "FAKE_STATE": "Donor/Desynced"], passes: false,
      logged: "--host=10.0.0.11"),
    Case(
      script: "rabbitmq-cluster-status.sh", host: "ctl01",
      environment: ["FAKE_RUNNING": running], passes: true, logged: "--node rabbit@ctl01"),
    Case(
      script: "rabbitmq-cluster-status.sh", host: "ctl03",
      environment: ["FAKE_RUNNING": "\"rabbit@ctl01\", \"rabbit@ctl03\""], passes: false,
      logged: "--node rabbit@ctl03"),
    Case(
      script: "monasca-log-arrival.sh", host: "mon01", environment: ["FAKE_ARRIVE": "1"],
      passes: true, logged: "--server 10.0.0.21 --port 5140"),
    Case(
      script: "monasca-log-arrival.sh", host: "cmp01",
      environment: ["FAKE_ARRIVE": "0", "KILN_LOG_ARRIVAL_SECONDS": "1"], passes: false,
      logged: "--port 5140"),
  ]

  @Test(arguments: cases)
  func exampleHealthScript(_ testCase: Case) async throws {
    let (release, bin) = try await Self.setUp()
    let log = release + "/../fake.log"
    var environment = testCase.environment
    environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
    environment["KILN_RELEASE"] = release
    environment["KILN_LOG_SEARCH_URL"] = "http://logs.invalid/_search"
    environment["FAKE_LOG"] = log
    let script = "\(packageRoot.path)/environments/prod/health/\(testCase.script)"
    var output: [String] = []
    let outcome = try CommandRunner(environment: environment, directory: release).run(
      "sh \(script) \(testCase.host)", timeout: 30, log: nil
    ) { output.append($0) }
    #expect(outcome.succeeded == testCase.passes, "\(output)")
    let logged = String(decoding: DurableFiles.read(log) ?? [], as: UTF8.self)
    #expect(logged.contains(testCase.logged), "\(logged)")
  }
}
