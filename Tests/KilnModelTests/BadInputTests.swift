import KilnDiagnostics
import KilnModel
import Testing

/// One malformed repository and the diagnostic it must produce.
struct BadInputCase: Sendable, CustomTestStringConvertible {
  var name: String
  var changes: [String: String?]
  var id: DiagnosticID
  var file: String
  var line: Int
  var mentions: String

  var testDescription: String { name }
}

@Suite struct BadInputTests {
  static let cases: [BadInputCase] = [
    BadInputCase(
      name: "unknown inventory key",
      changes: [
        "environments/prod/inventory.yaml": "all:\n  children:\n    web:\n      hots: {}\n"
      ],
      id: ModelDiagnostics.unknownKey, file: "environments/prod/inventory.yaml", line: 4,
      mentions: "did you mean 'hosts'"),
    BadInputCase(
      name: "group_vars file that is a list",
      changes: ["environments/base/group_vars/control.yaml": "- a\n- b\n"],
      id: ModelDiagnostics.wrongType, file: "environments/base/group_vars/control.yaml", line: 1,
      mentions: "a mapping"),
    BadInputCase(
      name: "host_vars for a host in no group",
      changes: ["environments/prod/host_vars/ctl99.yaml": "x: 1\n"],
      id: ModelDiagnostics.hostNotInInventory, file: "environments/prod/host_vars/ctl99.yaml",
      line: 0, mentions: "ctl99"),
    BadInputCase(
      name: "service referring to a missing template",
      changes: [
        "templates/nova/service.yaml":
          "name: nova\nhosts: compute\nfiles:\n  - {src: missing.conf.j2, dest: nova/x.conf}\n"
      ],
      id: ModelDiagnostics.missingFile, file: "templates/nova/service.yaml", line: 4,
      mentions: "templates/nova/missing.conf.j2"),
    BadInputCase(
      name: "overlay naming an unknown env",
      changes: ["overlays/compute-only/overlay.yaml": "applies-to: {envs: [prdo]}\n"],
      id: ModelDiagnostics.unknownEnvironment, file: "overlays/compute-only/overlay.yaml", line: 1,
      mentions: "did you mean 'prod'"),
    BadInputCase(
      name: "unknown service in applies-to",
      changes: ["overlays/compute-only/overlay.yaml": "applies-to:\n  services: [mariadbb]\n"],
      id: ModelDiagnostics.unknownService, file: "overlays/compute-only/overlay.yaml", line: 2,
      mentions: "did you mean 'mariadb'"),
    BadInputCase(
      name: "overlay selecting a host that does not exist",
      changes: ["overlays/compute-only/overlay.yaml": "applies-to:\n  hosts: [nosuchhost]\n"],
      id: ModelDiagnostics.unknownTarget, file: "overlays/compute-only/overlay.yaml", line: 2,
      mentions: "nosuchhost"),
    BadInputCase(
      name: "unknown parent env",
      changes: ["environments/prod/env.yaml": "inherits: [bas]\n"],
      id: ModelDiagnostics.unknownEnvironment, file: "environments/prod/env.yaml", line: 1,
      mentions: "bas"),
    BadInputCase(
      name: "environment cycle",
      changes: ["environments/base/env.yaml": "inherits: [prod]\n"],
      id: ModelDiagnostics.inheritanceCycle, file: "environments/prod/env.yaml", line: 1,
      mentions: "base → prod → base"),
    BadInputCase(
      name: "duplicate service names",
      changes: [
        "templates/nova2/service.yaml": "name: nova\nhosts: compute\n"
      ],
      id: ModelDiagnostics.duplicateService, file: "templates/nova2/service.yaml", line: 1,
      mentions: "'nova'"),
    BadInputCase(
      name: "unsupported format version",
      changes: ["kiln.yaml": "kiln: 2\ndefault-env: prod\n"],
      id: ModelDiagnostics.unsupportedFormat, file: "kiln.yaml", line: 1, mentions: "kiln: 2"),
    BadInputCase(
      name: "unknown default env",
      changes: ["kiln.yaml": "kiln: 1\ndefault-env: prdo\n"],
      id: ModelDiagnostics.unknownEnvironment, file: "kiln.yaml", line: 2, mentions: "prod"),
    BadInputCase(
      name: "unknown key in service.yaml",
      changes: ["templates/nova/service.yaml": "name: nova\nhosts: compute\nrestrat: [nova]\n"],
      id: ModelDiagnostics.unknownKey, file: "templates/nova/service.yaml", line: 3,
      mentions: "did you mean 'restart'"),
    BadInputCase(
      name: "unknown key in env.yaml",
      changes: ["environments/prod/env.yaml": "inherits: [base]\noverlay: [tuning]\n"],
      id: ModelDiagnostics.unknownKey, file: "environments/prod/env.yaml", line: 2,
      mentions: "did you mean 'overlays'"),
    BadInputCase(
      name: "unknown key in overlay.yaml",
      changes: ["overlays/compute-only/overlay.yaml": "applies_to: {}\n"],
      id: ModelDiagnostics.unknownKey, file: "overlays/compute-only/overlay.yaml", line: 1,
      mentions: "did you mean 'applies-to'"),
    BadInputCase(
      name: "unknown overlay in env",
      changes: ["environments/prod/env.yaml": "inherits: [base]\noverlays: [tunning]\n"],
      id: ModelDiagnostics.unknownOverlay, file: "environments/prod/env.yaml", line: 2,
      mentions: "did you mean 'tuning'"),
    BadInputCase(
      name: "conflicting service defaults",
      changes: ["templates/nova/defaults.yaml": "shared: different\n"],
      id: ModelDiagnostics.conflictingDefaults, file: "templates/nova/defaults.yaml", line: 1,
      mentions: "templates/mariadb/defaults.yaml and templates/nova/defaults.yaml"),
    BadInputCase(
      name: "unquoted file mode",
      changes: [
        "templates/nova/service.yaml":
          "name: nova\nhosts: compute\nfiles:\n  - src: nova.conf.j2\n    dest: n\n    mode: 0640\n"
      ],
      id: ModelDiagnostics.invalidValue, file: "templates/nova/service.yaml", line: 6,
      mentions: "octal"),
    BadInputCase(
      name: "unknown file format",
      changes: [
        "templates/nova/service.yaml":
          "name: nova\nhosts: compute\nfiles:\n  - {src: nova.conf.j2, dest: n, format: inii}\n"
      ],
      id: ModelDiagnostics.invalidValue, file: "templates/nova/service.yaml", line: 4,
      mentions: "did you mean 'ini'"),
    BadInputCase(
      name: "service on an unknown group",
      changes: ["templates/nova/service.yaml": "name: nova\nhosts: computer\n"],
      id: ModelDiagnostics.unknownServiceGroup, file: "templates/nova/service.yaml", line: 2,
      mentions: "did you mean 'compute'"),
    BadInputCase(
      name: "append on a mapping",
      changes: ["environments/prod/group_vars/control.yaml": "m: !append {a: 1}\n"],
      id: ModelDiagnostics.invalidTag, file: "environments/prod/group_vars/control.yaml", line: 1,
      mentions: "!append"),
    BadInputCase(
      name: "unset with a value",
      changes: ["environments/prod/group_vars/control.yaml": "m: !unset 3\n"],
      id: ModelDiagnostics.invalidTag, file: "environments/prod/group_vars/control.yaml", line: 1,
      mentions: "!unset"),
    BadInputCase(
      name: "YAML syntax error",
      changes: ["environments/prod/group_vars/control.yaml": "a: [1, 2\n"],
      id: "KLN101", file: "environments/prod/group_vars/control.yaml", line: 2, mentions: ""),
    BadInputCase(
      name: "missing kiln.yaml",
      changes: ["kiln.yaml": nil],
      id: ModelDiagnostics.missing, file: "kiln.yaml", line: 0, mentions: "kiln.yaml"),
    BadInputCase(
      name: "environment without env.yaml",
      changes: ["environments/qa/inventory.yaml": "all: {}\n"],
      id: ModelDiagnostics.missing, file: "environments/qa", line: 0, mentions: "env.yaml"),
    BadInputCase(
      name: "inventory hosts as a list",
      changes: ["environments/prod/inventory.yaml": "all:\n  hosts: [a, b]\n"],
      id: ModelDiagnostics.wrongType, file: "environments/prod/inventory.yaml", line: 2,
      mentions: "a mapping"),
  ]

  @Test(arguments: cases)
  func badInputIsALocatedDiagnostic(_ bad: BadInputCase) throws {
    let diagnostics = Fixture.diagnostics(bad.changes)
    let match = diagnostics.first { $0.id == bad.id }
    let found = try #require(match, "got \(diagnostics.map(\.description))")
    #expect(found.severity == .error)
    #expect(found.location?.file == bad.file)
    if bad.line > 0 { #expect(found.location?.line == bad.line) }
    let text = found.message + " " + (found.hint ?? "")
    #expect(bad.mentions.isEmpty || text.contains(bad.mentions), "\(text)")
  }

  @Test func everyFindingOfALoadIsReported() {
    let diagnostics = Fixture.diagnostics([
      "environments/prod/host_vars/ctl99.yaml": "x: 1\n",
      "environments/base/group_vars/control.yaml": "- a\n",
      "overlays/compute-only/overlay.yaml": "applies-to: {envs: [nowhere], services: [none]}\n",
      "templates/nova2/service.yaml": "name: nova\nhosts: compute\n",
    ])
    let ids = Set(diagnostics.map(\.id))
    #expect(
      ids.isSuperset(of: [
        ModelDiagnostics.hostNotInInventory, ModelDiagnostics.wrongType,
        ModelDiagnostics.unknownEnvironment, ModelDiagnostics.unknownService,
        ModelDiagnostics.duplicateService,
      ]))
  }

  @Test func warningsDoNotStopTheLoad() throws {
    let repository = try Fixture.load([
      "environments/prod/group_vars/nosuchgroup.yaml": "x: 1\n",
      "environments/prod/group_vars/README.md": "notes\n",
      "overlays/forgotten/overlay.yaml": "values: {a: 1}\n",
    ])
    let misspelt = try Fixture.load(["environments/prod/inventory.yaml": "All:\n  hosts: {x: }\n"])
    #expect(misspelt.warnings.contains { $0.message.contains("misspelt 'all'") })
    let ids = repository.warnings.map(\.id)
    #expect(ids.contains(ModelDiagnostics.unknownGroupVars))
    #expect(ids.contains(ModelDiagnostics.ignoredFile))
    #expect(ids.contains(ModelDiagnostics.unusedOverlay))
    #expect(repository.warnings.allSatisfy { $0.severity == .warning })
  }
}
