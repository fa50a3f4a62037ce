import KilnDiagnostics
import KilnModel
import Testing

@Suite struct EnvironmentChainTests {
  @Test func chainIsBaseFirst() throws {
    let repository = try Fixture.load()
    #expect(repository.chain(of: "prod") == ["base", "prod"])
    #expect(repository.chain(of: "base") == ["base"])
    #expect(repository.defaultEnvironmentName == "prod")
  }

  @Test func diamondInheritanceIsTopological() throws {
    let repository = try Fixture.load([
      "environments/mid1/env.yaml": "inherits: [base]\n",
      "environments/mid2/env.yaml": "inherits: base\n",
      "environments/top/env.yaml": "inherits: [mid2, mid1]\n",
    ])
    #expect(repository.chain(of: "top") == ["base", "mid2", "mid1", "top"])
  }

  @Test func cycleIsNamedAtTheInheritsEntry() {
    let diagnostics = Fixture.diagnostics([
      "environments/base/env.yaml": "inherits: [prod]\n"
    ])
    let cycle = diagnostics.filter { $0.id == ModelDiagnostics.inheritanceCycle }
    #expect(cycle.count == 1)
    #expect(cycle.first?.message.contains("base → prod → base") == true)
    #expect(cycle.first?.location?.file == "environments/prod/env.yaml")
    #expect(cycle.first?.location?.line == 1)
  }

  @Test func threeStepCycleListsEveryEnvironment() {
    let diagnostics = Fixture.diagnostics([
      "environments/a/env.yaml": "inherits: [b]\n",
      "environments/b/env.yaml": "inherits: [c]\n",
      "environments/c/env.yaml": "inherits: [a]\n",
    ])
    let cycle = diagnostics.filter { $0.id == ModelDiagnostics.inheritanceCycle }
    #expect(cycle.map(\.message) == ["environments inherit in a cycle: a → b → c → a"])
  }

  @Test func unknownParentIsReportedWithSuggestion() {
    let diagnostics = Fixture.diagnostics([
      "environments/prod/env.yaml": "description: x\ninherits:\n  - bsae\n"
    ])
    let unknown = diagnostics.first { $0.id == ModelDiagnostics.unknownEnvironment }
    #expect(
      unknown?.location == SourceLocation(file: "environments/prod/env.yaml", line: 3, column: 5))
    #expect(unknown?.hint?.contains("did you mean 'base'") == true)
  }

  @Test func resolvingAnUnknownEnvironmentThrows() throws {
    let repository = try Fixture.load()
    #expect(throws: DiagnosticsError.self) {
      try repository.resolve(environment: "staging", engine: Fixture.engine)
    }
  }

  @Test func settingsAreKeptRaw() throws {
    let repository = try Fixture.load()
    let prod = try #require(repository.environment(named: "prod"))
    #expect(prod.inherits.map(\.name) == ["base"])
    #expect(prod.overlays.map(\.name) == ["tuning", "compute-only"])
    #expect(prod.rollout?["batch"]?.int == 1)
    #expect(prod.trust?["keys"]?.sequenceItems?.count == 1)
    #expect(prod.secrets == nil)
  }
}
