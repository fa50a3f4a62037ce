import KilnCompiler
import KilnGit
import Testing

private let repository: [String: String] = [
  "kiln.yaml": "kiln: 1\ndefault-env: prod\n",
  "environments/prod/env.yaml": "inherits: []\n",
  "environments/prod/inventory.yaml":
    "all:\n  children:\n    web:\n      hosts:\n        web01: {}\n",
  "templates/app/service.yaml": """
  name: app
  hosts: web
  restart: [app]
  files:
    - {src: app.conf.j2, dest: app/app.conf, format: text, mode: "0640"}
  """,
  "templates/app/defaults.yaml": "z: 1\n",
  "templates/app/app.conf.j2": """
  {% set local = 1 %}
  {% if x is defined %}{{ x }}{% endif %}
  {{ y | default(2) }} {{ z }} {{ local }}
  {% for item in items %}{% include 'part.j2' %}{% endfor %}

  """,
  "templates/app/part.j2": "{{ item }} {{ local }} {{ w }}\n",
]

@Test func templateUsesFollowIncludesAndMarkGuardedReads() throws {
  let compiler = try EnvironmentCompiler(
    source: InMemorySourceTree(texts: repository), environment: nil, assignments: [])
  guard let service = compiler.repository.service(named: "app") else {
    Issue.record("service app missing")
    return
  }
  let uses = compiler.variableUses(of: service).first?.uses ?? []
  #expect(uses.map(\.name) == ["x", "y", "z", "items", "w"])
  #expect(uses.filter(\.isGuarded).map(\.name) == ["x", "y"])
  #expect(uses.last?.location.file == "templates/app/part.j2")
  #expect(uses.last?.location.line == 1)
  #expect(uses.last?.location.column == 27)
}

@Test func valueExpressionsNameWhatTheyRead() throws {
  let compiler = try EnvironmentCompiler(
    source: InMemorySourceTree(texts: repository), environment: nil, assignments: [])
  #expect(compiler.variableNames(inValue: "{{ a ~ b | default(c) }}") == ["a", "b", "c"])
  #expect(compiler.variableNames(inValue: "{{ unclosed") == [])
}
