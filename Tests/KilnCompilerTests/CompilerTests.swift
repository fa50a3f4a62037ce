import Crypto
import Foundation
import KilnDiagnostics
import KilnGit
import Testing

@testable import KilnCompiler

/// A tiny repository: two hosts in one group, one service with one template.
private let repository: [String: String] = [
  "kiln.yaml": "kiln: 1\ndefault-env: prod\n",
  "environments/prod/env.yaml": "inherits: []\n",
  "environments/prod/inventory.yaml": """
  all:
    children:
      web:
        hosts:
          web01: {port: 8001}
          web02: {port: 8002}
  """,
  "environments/prod/group_vars/web.yaml": "greeting: hello\n",
  "templates/app/service.yaml": """
  name: app
  hosts: web
  restart: [app]
  files:
    - {src: app.conf.j2, dest: app/app.conf, format: ini, mode: "0640"}
  """,
  "templates/app/defaults.yaml": "greeting: hi\n",
  "templates/app/app.conf.j2": """
  [app]
  greeting = {{ greeting }}
  port = {{ port }}
  peers = {{ groups['web'] | join(',') }}

  """,
]

private func compiler(_ files: [String: String] = repository) throws -> EnvironmentCompiler {
  try EnvironmentCompiler(
    source: InMemorySourceTree(texts: files), environment: nil, assignments: [])
}

@Test func rendersEachHostWithItsOwnLayers() async throws {
  let result = try await compiler().compile()
  #expect(result.files.map(\.host) == ["web01", "web02"])
  #expect(
    String(decoding: result.files[1].contents, as: UTF8.self)
      == "[app]\ngreeting = hello\nport = 8002\npeers = web01,web02\n")
  #expect(result.files[0].mode == 0o640)
  #expect(result.files[0].format == "ini")
}

@Test func compilingTwiceGivesIdenticalFilesAndManifest() async throws {
  let first = try await compiler().compile()
  let second = try await compiler().compile()
  #expect(first.files == second.files)
  #expect(first.manifest == second.manifest)
}

@Test func assignmentsOverrideEveryLayer() async throws {
  let compiler = try EnvironmentCompiler(
    source: InMemorySourceTree(texts: repository), environment: "prod",
    assignments: ["greeting=bonjour"])
  let result = try await compiler.compile()
  #expect(
    result.files.allSatisfy { String(decoding: $0.contents, as: UTF8.self).contains("bonjour") })
}

@Test func oneTemplateErrorIsReportedOnceWithEveryHost() async throws {
  var files = repository
  files["templates/app/app.conf.j2"] = "[app]\nvalue = {{ undefined_thing }}\n"
  let compiler = try compiler(files)
  do {
    _ = try await compiler.compile()
    Issue.record("expected a failure")
  } catch {
    #expect(error.diagnostics.count == 1)
    let diagnostic = try #require(error.diagnostics.first)
    #expect(diagnostic.id == "KLN202")
    #expect(diagnostic.location?.file == "templates/app/app.conf.j2")
    #expect(diagnostic.location?.line == 2)
    #expect(diagnostic.message.contains("web01, web02"))
  }
}

@Test func missingTemplateNamesTheServiceFile() async throws {
  var files = repository
  files["templates/app/app.conf.j2"] = nil
  do {
    let compiler = try EnvironmentCompiler(
      source: InMemorySourceTree(texts: files), environment: nil, assignments: [])
    _ = try await compiler.compile()
    Issue.record("expected a failure")
  } catch {
    let diagnostic = try #require(error.diagnostics.first)
    #expect(diagnostic.location?.file == "templates/app/service.yaml")
    #expect(diagnostic.message.contains("app.conf.j2"))
  }
}

@Test func summaryTableCountsFilesPerHostAndService() async throws {
  let result = try await compiler().compile()
  let text = RenderSummary(result: result, directory: "out/prod").text
  #expect(text.contains("2 hosts, 1 services, 2 files → out/prod"))
  let rows = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
  #expect(rows.contains(["web01", "1", "1"]))
  #expect(rows.contains(["total", "2", "2"]))
}

@Test func explainFileLineNamesTemplateLineAndVariableOrigin() async throws {
  let text = try await compiler().explain(fileReference: "app/app.conf:3", host: "web02")
  #expect(text.contains("port = 8002"))
  #expect(text.contains("templates/app/app.conf.j2:3:"))
  #expect(text.contains("port ← environments/prod/inventory.yaml:"))
}

@Test func explainVariableListsLayersLowestFirst() throws {
  let text = try compiler().explain(variable: "greeting", host: "web01")
  let defaults = try #require(text.range(of: "templates/app/defaults.yaml:1:"))
  let group = try #require(text.range(of: "environments/prod/group_vars/web.yaml:1:"))
  #expect(defaults.lowerBound < group.lowerBound)
  #expect(text.contains("value: hello"))
}

@Test func rabbitmqPasswordHashIsSaltedSHA256AsRabbitMQStoresIt() throws {
  let encoded = RabbitMQPasswordHash.hash(password: "secret", seed: "openstack")
  let bytes = try #require(Data(base64Encoded: encoded))
  #expect(bytes.count == 36)
  let salt = Array(bytes.prefix(4))
  #expect(Array(bytes.dropFirst(4)) == Array(SHA256.hash(data: salt + Array("secret".utf8))))
  #expect(encoded == RabbitMQPasswordHash.hash(password: "secret", seed: "openstack"))
  #expect(encoded != RabbitMQPasswordHash.hash(password: "secret", seed: "other"))
}

@Test(arguments: [false, true])
func summaryRowsFoldRunsOfThreeOrMoreAlikeHostsOnlyWhenFolding(folding: Bool) {
  let counts = ["a": [1], "b": [1], "c": [1], "d": [2], "e": [1], "f": [1]]
  let rows = RenderSummary.rows(
    hosts: ["a", "b", "c", "d", "e", "f"], counts: { counts[$0] ?? [] }, folding: folding)
  let labels = rows.map(\.label)
  if folding {
    #expect(labels == ["a … c (3 hosts)", "d", "e", "f"])
    #expect(rows.map(\.counts) == [[1], [2], [1], [1]])
  } else {
    #expect(labels == ["a", "b", "c", "d", "e", "f"])
  }
}
