import Jinja
import KilnDiagnostics
import KilnModel
import Testing

@Suite struct LazyEvaluationTests {
  /// The prod fixture with `text` as mon01's host_vars.
  private func host(_ text: String, _ name: String = "mon01") throws -> HostVariables {
    let environment = try Fixture.resolve(
      "prod", ["environments/prod/host_vars/mon01.yaml": text])
    return try environment.variables(forHost: name)
  }

  @Test(arguments: [
    ("b: 41\na: '{{ b + 1 }}'\n", "a", "42"),
    ("b: 41\na: 'port {{ b }}'\n", "a", "'port 41'"),
    ("b: [1, 2]\na: '{{ b }}'\n", "a", "[1, 2]"),
    ("b: true\na: '{{ not b }}'\n", "a", "false"),
    ("b: 2\na: ['{{ b }}', x, {k: '{{ b * 2 }}'}]\n", "a", "[2, 'x', {'k': 4}]"),
    ("a: '{{ inventory_hostname }}'\n", "a", "'mon01'"),
    ("a: '{{ group_names }}'\n", "a", "['monitoring']"),
    ("a: \"{{ groups['control'] | length }}\"\n", "a", "3"),
    ("a: \"{{ hostvars['ctl02']['ansible_host'] }}\"\n", "a", "'10.0.0.2'"),
    ("a: \"{{ mariadb.max_connections }}\"\n", "a", "200"),
    ("a: '{{ kiln_env }}'\n", "a", "'prod'"),
  ])
  func valuesRenderInTheHostsContext(text: String, name: String, expected: String) throws {
    #expect(describe(try host(text).resolve(name)) == expected)
  }

  @Test func hostvarsSeeEachHostsOwnLayers() throws {
    let environment = try Fixture.resolve(
      "prod",
      [
        "environments/prod/host_vars/mon01.yaml":
          "peer_levels: \"{% for h in groups['control'] %}{{ hostvars[h].level }},{% endfor %}\"\n"
      ])
    let host = try environment.variables(forHost: "mon01")
    #expect(
      describe(try host.resolve("peer_levels"))
        == "'overlay-tuning,overlay-tuning,overlay-tuning,'")
  }

  @Test func referenceToAnotherHostsTemplateEvaluatesThere() throws {
    let environment = try Fixture.resolve(
      "prod",
      [
        "environments/prod/group_vars/all.yaml": "me: '{{ inventory_hostname }}-x'\n",
        "environments/prod/host_vars/mon01.yaml": "other: \"{{ hostvars['ctl01'].me }}\"\n",
      ])
    let host = try environment.variables(forHost: "mon01")
    #expect(describe(try host.resolve("other")) == "'ctl01-x'")
  }

  @Test func cycleListsTheVariablesAndLocations() throws {
    let host = try host("a: '{{ b }}'\nb: '{{ c }}'\nc: '{{ a }}'\n")
    do {
      _ = try host.resolve("a")
      Issue.record("a cycle evaluated")
    } catch let diagnostic as Diagnostic {
      #expect(diagnostic.id == ModelDiagnostics.valueCycle)
      #expect(diagnostic.message.contains("a → b → c → a"))
      #expect(diagnostic.location?.file == "environments/prod/host_vars/mon01.yaml")
      #expect(diagnostic.related.map(\.location.line) == [1, 2, 3])
    }
  }

  @Test func selfReferenceIsACycle() throws {
    let host = try host("a: '{{ a }}'\n")
    #expect(throws: Diagnostic.self) { try host.resolve("a") }
  }

  @Test func templateErrorCarriesTheValuesLocation() throws {
    let host = try host("x: 1\nbroken: '{{ 1 + }}'\n")
    do {
      _ = try host.resolve("broken")
      Issue.record("a broken expression evaluated")
    } catch let diagnostic as Diagnostic {
      #expect(diagnostic.id == ModelDiagnostics.valueTemplate)
      #expect(
        diagnostic.location
          == SourceLocation(file: "environments/prod/host_vars/mon01.yaml", line: 2, column: 9))
    }
  }

  @Test func concurrentResolutionAgrees() async throws {
    let environment = try Fixture.resolve(
      "prod", ["environments/prod/group_vars/all.yaml": "n: '{{ groups.all | length }}'\n"])
    let hosts = environment.hosts
    let results = try await withThrowingTaskGroup(of: String.self) { group in
      for index in 0..<64 {
        let name = hosts[index % hosts.count]
        group.addTask { describe(try environment.variables(forHost: name).resolve("n")) }
      }
      var all: [String] = []
      for try await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 64)
    #expect(Set(results) == ["7"])
  }

  @Test func cycleAcrossHostsNamesTheHosts() throws {
    let environment = try Fixture.resolve(
      "prod",
      [
        "environments/prod/host_vars/mon01.yaml": "a: \"{{ hostvars['cmp01'].b }}\"\n",
        "environments/prod/host_vars/cmp01.yaml": "b: \"{{ hostvars['mon01'].a }}\"\n",
      ])
    do {
      _ = try environment.variables(forHost: "mon01").resolve("a")
      Issue.record("a cross-host cycle evaluated")
    } catch let diagnostic as Diagnostic {
      #expect(diagnostic.id == ModelDiagnostics.valueCycle)
      #expect(diagnostic.message.contains("mon01:a → cmp01:b → mon01:a"))
    }
  }

  @Test func errorInANestedValueIsLocatedAtThatValue() throws {
    let environment = try Fixture.resolve(
      "prod",
      [
        "environments/prod/host_vars/mon01.yaml":
          "settings:\n  good: 1\n  bad: '{{ nothing_defines_this }}'\n"
      ])
    do {
      _ = try environment.explain(variable: "settings", host: "mon01")
      Issue.record("an undefined reference evaluated")
    } catch let diagnostic as Diagnostic {
      #expect(diagnostic.id == ModelDiagnostics.undefinedReference)
      #expect(diagnostic.location?.line == 3)
      #expect(diagnostic.message.contains("nothing_defines_this"))
    }
  }

  @Test(arguments: [
    ("b: '{{ c }}'\na: \"{{ b | default('fallback') }}\"\n", "'fallback'"),
    ("b: '{{ c }}'\na: '{{ b is defined }}'\n", "false"),
    ("b: '{{ c }}'\na: '{{ b }}'\n", "undefined"),
  ])
  func valueReadingAnUndefinedVariableIsUndefined(text: String, expected: String) throws {
    let variables = try host(text)
    #expect(describe(try variables.resolve("a")) == expected)
  }

  @Test func usingSuchAValueInATemplateSaysWhy() throws {
    let variables = try host("b: '{{ c }}'\n")
    let template = try Fixture.engine.compile("x={{ b }}", name: "t.j2")
    do {
      _ = try template.render(variables)
      Issue.record("an undefined value rendered")
    } catch let error as JinjaError {
      #expect(error.kind == .undefined)
      #expect("\(error)".contains("mon01.yaml:1:4"), "\(error)")
    }
  }

  @Test func secretPlaceholderRendersInsideTemplates() throws {
    let host = try host("pw: !secret db_password\nurl: 'mysql://root:{{ pw }}@db'\n")
    #expect(describe(try host.resolve("url")) == "'mysql://root:<secret db_password>@db'")
  }

  @Test func listIndexPathsResolve() throws {
    let environment = try Fixture.resolve()
    let explanation = try environment.explain(variable: "ntp_servers.2", host: "mon01")
    #expect(describe(explanation.effectiveValue) == "'ntp3'")
    #expect(
      explanation.contributions.first?.location.file == "environments/prod/group_vars/all.yaml")
  }

  @Test func errorInABlockScalarPointsAtItsLine() throws {
    let host = try host("x: 1\nconf: |\n  line one\n  {{ 1 + }}\n")
    do {
      _ = try host.resolve("conf")
      Issue.record("a broken block scalar evaluated")
    } catch let diagnostic as Diagnostic {
      #expect(diagnostic.id == ModelDiagnostics.valueTemplate)
      #expect(diagnostic.location?.line == 4)
    }
  }
}
