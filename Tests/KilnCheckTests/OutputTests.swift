import Foundation
import KilnCheck
import KilnDiagnostics
import KilnGit
import Testing

private let finding = Diagnostic(
  id: "KLN409", message: "ctl03 and ctl02 have the same VRRP priority 140, really",
  location: SourceLocation(file: "environments/prod/host_vars/ctl03.yaml", line: 4, column: 22),
  related: [
    RelatedLocation(
      SourceLocation(file: "ctl03:keepalived/keepalived.conf", line: 20, column: 1),
      note: "rendered")
  ],
  hint: "give each member a distinct priority")

private let report = CheckReport(
  environment: "prod", hostCount: 9, fileCount: 40,
  findings: [finding, Diagnostic(id: "KLN169", severity: .warning, message: "unused")])

@Test func githubAnnotationsEscapeAsTheRunnerDoes() {
  let text = GitHubAnnotations.render([report])
  #expect(
    text.hasPrefix(
      "::warning title=KLN169::unused\n"
        + "::error file=environments/prod/host_vars/ctl03.yaml,line=4,col=22,title=KLN409::"
        + "ctl03 and ctl02 have the same VRRP priority 140, really%0Ahint: give each member a "
        + "distinct priority\n"))
  #expect(text.hasSuffix("prod: 9 hosts, 40 files: 1 error, 1 warning\n"))
}

@Test func textReportShowsTheSourceLineAndACaret() {
  let source = InMemorySourceTree(texts: [
    "environments/prod/host_vars/ctl03.yaml": "# ctl03\na: 1\nb: 2\nkeepalived_priority: 140\n"
  ])
  let text = TextReport.render([report], source: source, colour: false)
  #expect(text.contains("environments/prod/host_vars/ctl03.yaml\n  4:22: error[KLN409]:"))
  #expect(text.contains("    | keepalived_priority: 140\n    |                      ^\n"))
  #expect(text.contains("    note: ctl03:keepalived/keepalived.conf:20:1: rendered\n"))
}

@Test func jsonReportListsEnvironmentsAndFindings() throws {
  let document = try object(JSONReport.render([report]))
  let environments = document["environments"] as? [[String: Any]]
  #expect(environments?.first?["name"] as? String == "prod")
  #expect(environments?.first?["errors"] as? Int == 1)
  #expect(environments?.first?["warnings"] as? Int == 1)
  let findings = document["findings"] as? [[String: Any]] ?? []
  #expect(findings.map { $0["id"] as? String } == ["KLN169", "KLN409"])
  #expect((findings.last?["location"] as? [String: Any])?["column"] as? Int == 22)
}

@Test func sarifNamesRulesAndLocations() throws {
  let document = try object(SARIFReport.render([report], version: "0.1.0"))
  #expect(document["version"] as? String == "2.1.0")
  let run = (document["runs"] as? [[String: Any]])?.first ?? [:]
  let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:]
  let rules = driver["rules"] as? [[String: Any]] ?? []
  #expect(rules.map { $0["id"] as? String } == ["KLN169", "KLN409"])
  #expect(rules.first?["name"] as? String == "VariableSetButNeverRead")
  let result = (run["results"] as? [[String: Any]] ?? []).last ?? [:]
  #expect(result["ruleIndex"] as? Int == 1)
  let physical =
    ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    ?? [:]
  #expect(
    (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
      == "environments/prod/host_vars/ctl03.yaml")
  #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 4)
  let related = (result["relatedLocations"] as? [[String: Any]])?.first ?? [:]
  #expect(
    (related["message"] as? [String: Any])?["text"] as? String
      == "rendered: ctl03:keepalived/keepalived.conf:20:1")
}

private func object(_ text: String) throws -> [String: Any] {
  try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}

@Test func findingsOfSeveralEnvironmentsMergeWhenIdentical() {
  let staging = CheckReport(
    environment: "staging", hostCount: 4, fileCount: 20, findings: [finding])
  let merged = CheckFinding.merge([report, staging])
  #expect(merged.count == 2)
  #expect(merged.first { $0.diagnostic == finding }?.environments == ["prod", "staging"])
}
