import Foundation
import Testing

@Test func exampleRepositoryPassesEveryEnvironment() throws {
  let fixture = try ExampleFixture(label: "check-example")
  defer { fixture.remove() }
  let result = try fixture.kiln("check", "--all")
  #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
  #expect(
    result.stdout
      == "base: 0 hosts, 0 files: no findings\nprod: 9 hosts, 69 files: no findings\n"
      + "staging: 4 hosts, 27 files: no findings\n")
  #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("out").path))
}

@Test func errorsExitOneWithGitHubAnnotationsOnTheSourceLine() throws {
  let fixture = try ExampleFixture.check("vrrp-priority")
  defer { fixture.remove() }
  let result = try fixture.kiln("check", "--env", "prod", "--format", "github")
  #expect(result.exitCode == 1)
  #expect(
    result.stdout.hasPrefix(
      "::error file=environments/prod/host_vars/ctl03.yaml,line=4,col=22,title=KLN409::"
        + "ctl03 and ctl02 have the same VRRP priority 140"))
  #expect(result.stdout.hasSuffix("prod: 9 hosts, 69 files: 1 error\n"))
}

@Test func warningsPassUnlessStrict() throws {
  let fixture = try ExampleFixture.check("unused-variable")
  defer { fixture.remove() }
  let relaxed = try fixture.kiln("check", "--env", "prod")
  #expect(relaxed.exitCode == 0)
  #expect(relaxed.stdout.contains("3:17: warning[KLN169]: 'ceph_pool_name' is set but no"))
  #expect(relaxed.stdout.contains("    | ceph_pool_name: volumes\n    |                 ^\n"))
  let strict = try fixture.kiln("check", "--env", "prod", "--strict")
  #expect(strict.exitCode == 1)
}

@Test func severalEnvironmentsGetOneSummaryEach() throws {
  let fixture = try ExampleFixture.check("address-duplicate")
  defer { fixture.remove() }
  let result = try fixture.kiln("check", "--env", "staging", "--env", "prod", "--format", "json")
  #expect(result.exitCode == 1)
  let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
  let environments = document?["environments"] as? [[String: Any]] ?? []
  #expect(environments.map { $0["name"] as? String } == ["staging", "prod"])
  let findings = document?["findings"] as? [[String: Any]] ?? []
  #expect(findings.map { $0["id"] as? String } == ["KLN411"])
  let location = findings.first?["location"] as? [String: Any]
  #expect(location?["file"] as? String == "environments/prod/host_vars/cmp02.yaml")
  #expect(location?["line"] as? Int == 2)
}

@Test func aSchemaThatIsNotYAMLIsAFindingNotACrash() throws {
  let fixture = try ExampleFixture(label: "check-bad-schema")
  defer { fixture.remove() }
  try fixture.write("templates/rabbitmq/schema.yaml", "variables: [unclosed\n")
  let result = try fixture.kiln("check", "--env", "staging", "--format", "github")
  #expect(result.exitCode == 1)
  #expect(result.stdout.contains("::error file=templates/rabbitmq/schema.yaml,line=2"))
  #expect(result.stdout.contains("title=KLN160::schema templates/rabbitmq/schema.yaml is not"))
}

@Test func unusableInputExitsTwo() throws {
  let fixture = try ExampleFixture(label: "check-unusable")
  defer { fixture.remove() }
  let unknown = try fixture.kiln("check", "--env", "qa")
  #expect(unknown.exitCode == 2)
  #expect(unknown.stderr.contains("qa"))
  try fixture.write("environments/prod/group_vars/all.yaml", "a: [\n")
  let broken = try fixture.kiln("check", "--env", "prod")
  #expect(broken.exitCode == 2)
  #expect(broken.stderr.contains("environments/prod/group_vars/all.yaml:"))
}

@Test func revisionChecksTheCommitNotTheWorkingTree() throws {
  let fixture = try ExampleFixture(label: "check-rev")
  defer { fixture.remove() }
  try fixture.edit(
    "environments/prod/host_vars/ctl03.yaml", replacing: "keepalived_priority: 130",
    with: "keepalived_priority: 140")
  let working = try fixture.kiln("check", "--env", "prod", "--format", "github")
  #expect(working.exitCode == 1)
  #expect(working.stdout.contains("title=KLN409::"))
  let committed = try fixture.kiln("check", "--env", "prod", "--rev", "HEAD")
  #expect(committed.exitCode == 0)
  #expect(committed.stdout == "prod: 9 hosts, 69 files: no findings\n")
}
