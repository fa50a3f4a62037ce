import KilnFormats
import KilnGit
import Testing

@testable import KilnCompiler

/// Every file the example renders parses back in the format its service declares — including
/// the fluentd `td-agent.conf` with its Monasca output, which no daemon here can check.
@Test(arguments: ["prod", "staging"])
func everyRenderedFileParsesInItsDeclaredFormat(environment: String) async throws {
  let compiler = try EnvironmentCompiler(
    source: InMemorySourceTree(files: ExampleFuzzTests.example), environment: environment,
    assignments: [])
  let result = try await compiler.compile()
  #expect(result.files.count > 10)
  for file in result.files {
    do {
      _ = try FormatCodec.parse(
        file.contents, format: file.format, file: "\(file.host)/\(file.path)")
    } catch {
      Issue.record("\(file.host)/\(file.path) (\(file.format)): \(error.diagnostics)")
    }
  }
}

/// The Monasca output block of td-agent.conf carries the settings kolla-ansible's fluentd role
/// writes for it.
@Test func fluentdMonascaOutputHasItsSettings() async throws {
  let compiler = try EnvironmentCompiler(
    source: InMemorySourceTree(files: ExampleFuzzTests.example), environment: "prod",
    assignments: [])
  let result = try await compiler.compile(
    selection: RenderSelection(hosts: ["ctl01"], services: ["fluentd"]))
  let file = try #require(result.files.first { $0.path == "fluentd/td-agent.conf" })
  let parsed = try FormatCodec.parse(file.contents, format: "fluentd", file: file.path)
  let entries = parsed.semanticEntries()
  let monasca = entries.filter { $0.value == "monasca" && $0.path.hasSuffix("@type") }
  #expect(!monasca.isEmpty, "no @type monasca output in \(entries.map(\.path))")
  let text = String(decoding: file.contents, as: UTF8.self)
  for key in ["keystone_url", "monasca_api", "username", "password", "domain_id", "project_name"] {
    #expect(text.contains(key), "td-agent.conf lacks \(key)")
  }
}
