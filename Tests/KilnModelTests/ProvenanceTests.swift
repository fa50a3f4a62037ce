import KilnDiagnostics
import KilnModel
import Testing

@Suite struct ProvenanceTests {
  @Test func nestedKeyKeepsItsOwnChainLowestFirst() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "mariadb.max_connections", host: "ctl01")
    #expect(describe(explanation.effectiveValue) == "8192")
    #expect(writtenTexts(explanation) == ["100", "200", "8192"])
    #expect(
      explanation.contributions.map(\.location) == [
        SourceLocation(file: "environments/base/group_vars/all.yaml", line: 4, column: 20),
        SourceLocation(file: "environments/prod/group_vars/all.yaml", line: 4, column: 20),
        SourceLocation(file: "overlays/tuning/overlay.yaml", line: 5, column: 30),
      ])
    #expect(
      explanation.contributions.map(\.layer) == [
        "group_vars/all.yaml (env base)", "group_vars/all.yaml (env prod)", "overlay tuning values",
      ])
  }

  @Test func mapValueRecordsEachMergeIntoIt() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "mariadb", host: "mon01")
    #expect(explanation.contributions.map(\.operation) == [.set, .merge])
    #expect(explanation.layered?.origin?.layer == "group_vars/all.yaml (env prod)")
  }

  @Test func appendKeepsWhatItExtended() throws {
    let prod = try Fixture.resolve()
    let explanation = try prod.explain(variable: "ntp_servers", host: "cmp02")
    #expect(explanation.contributions.map(\.operation) == [.set, .append])
    guard case .list(let items)? = explanation.layered?.content else {
      Issue.record("ntp_servers is not a list")
      return
    }
    #expect(
      items.map { $0.origin?.location.file } == [
        "environments/base/group_vars/all.yaml", "environments/base/group_vars/all.yaml",
        "environments/prod/group_vars/all.yaml",
      ])
  }

  @Test func magicAndUnknownVariables() throws {
    let prod = try Fixture.resolve()
    let magic = try prod.explain(variable: "inventory_hostname", host: "ctl01")
    #expect(magic.isMagic)
    #expect(describe(magic.effectiveValue) == "'ctl01'")
    let unknown = try prod.explain(variable: "nothing_sets_this", host: "ctl01")
    #expect(!unknown.isDefined)
    #expect(unknown.contributions.isEmpty)
    #expect(throws: DiagnosticsError.self) { try prod.explain(variable: "level", host: "ctl99") }
  }
}
