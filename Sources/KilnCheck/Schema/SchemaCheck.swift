import Jinja
import KilnDiagnostics
import KilnModel
import KilnYAML

/// Validates every host's variables against the repository-wide and per-service schemas.
enum SchemaCheck {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    let (schemas, problems) = VariableSchema.loadAll(context.repository)
    var found = HostFindings()
    for schema in schemas {
      let hosts =
        schema.service.map { context.environment.hosts(runningService: $0) }
        ?? context.environment.hosts
      for host in hosts {
        guard let variables = try? context.environment.variables(forHost: host) else { continue }
        let layered = variables.layered
        for entry in schema.entries {
          for finding in check(
            entry, schema: schema, layered: layered[entry.name], host: host, in: context)
          {
            found.add(finding, host: host)
          }
        }
      }
    }
    return problems + found.grouped()
  }

  private static func check(
    _ entry: VariableSchema.Entry, schema: VariableSchema, layered: LayeredValue?, host: String,
    in context: CheckContext
  ) -> [Diagnostic] {
    guard let layered, layered.isDefined else {
      guard entry.required else { return [] }
      return [
        Diagnostic(
          id: CheckID.schemaRequired,
          message: "'\(entry.name)' is required by \(schema.path) but undefined",
          location: entry.location,
          hint: "set '\(entry.name)' in group_vars or host_vars of the hosts named")
      ]
    }
    let origin = layered.origin?.location
    var findings: [Diagnostic] = []
    if entry.isDeprecated {
      for contribution in layered.history where isEditable(contribution.location) {
        let instead = entry.replacement.map { "; use '\($0)' instead" } ?? ""
        findings.append(
          Diagnostic(
            id: CheckID.schemaDeprecated, severity: .warning,
            message: "'\(entry.name)' is deprecated\(instead)", location: contribution.location,
            related: [RelatedLocation(entry.location, note: "deprecated here")],
            hint: "remove the setting" + (entry.replacement.map { " and set '\($0)'" } ?? "")))
      }
    }
    if entry.secret {
      if case .secret = layered.content {
      } else {
        findings.append(
          Diagnostic(
            id: CheckID.secretInClear, message: "'\(entry.name)' is a secret but is set in clear",
            location: origin,
            related: [RelatedLocation(entry.location, note: "declared secret here")],
            hint: "store it with `kiln secret set` and write `\(entry.name): !secret NAME`"))
      }
      return findings
    }
    if let value = context.value(entry.name, host: host),
      let problem = SchemaValue.violation(of: entry, value: value)
    {
      findings.append(
        Diagnostic(
          id: problem.id, message: "'\(entry.name)' \(problem.message)", location: origin,
          related: [RelatedLocation(entry.location, note: "schema rule here")],
          hint: problem.hint))
    }
    return findings
  }

  /// Whether a location is in a file operators edit per environment (not a service default).
  static func isEditable(_ location: SourceLocation) -> Bool {
    location.file.hasPrefix("environments/") || location.file.hasPrefix("overlays/")
  }
}
