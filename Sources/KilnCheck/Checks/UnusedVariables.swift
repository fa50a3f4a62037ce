import KilnDiagnostics
import KilnModel

/// Variables set in an environment's group_vars, host_vars or inventory that no template and
/// no other value reads (warning). Ansible's `ansible_*` connection variables and the
/// `firmware_*` variables the firmware compiler reads are exempt. One that looks like a typo of a known variable is reported
/// as KLN167 with "did you mean" instead.
enum UnusedVariables {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    let usage = VariableUsage(context)
    var names: [String] = []
    var places: [String: [SourceLocation]] = [:]
    var seen = Set<SourceLocation>()
    for host in context.environment.hosts {
      guard let layered = try? context.environment.variables(forHost: host).layered else {
        continue
      }
      for (name, value) in layered.definedEntries where !usage.read.contains(name) {
        guard !name.hasPrefix("ansible_"), !name.hasPrefix("firmware_"),
          !HostVariables.magicNames.contains(name)
        else {
          continue
        }
        for contribution in value.history
        where contribution.location.file.hasPrefix("environments/")
          && seen.insert(contribution.location).inserted
        {
          if places[name] == nil { names.append(name) }
          places[name, default: []].append(contribution.location)
        }
      }
    }
    return names.map { finding($0, at: (places[$0] ?? []).sorted(), usage: usage) }
  }

  /// One finding per name, at its first place, the others as notes.
  private static func finding(
    _ name: String, at locations: [SourceLocation], usage: VariableUsage
  ) -> Diagnostic {
    let others = locations.dropFirst()
    let related = others.prefix(3).map { RelatedLocation($0, note: "also set here") }
    let count = others.isEmpty ? "" : " (set in \(locations.count) places)"
    if !usage.known.contains(name),
      let close = Suggestion.closest(to: name, among: usage.knownList)
    {
      return Diagnostic(
        id: CheckID.unknownVariable, severity: .warning,
        message: "'\(name)' is not a known variable; did you mean '\(close)'?\(count)",
        location: locations.first, related: related,
        hint: "rename it to '\(close)' (no template reads '\(name)')")
    }
    return Diagnostic(
      id: CheckID.unusedVariable, severity: .warning,
      message: "'\(name)' is set but no template or value reads it\(count)",
      location: locations.first, related: related,
      hint: "remove it, or declare it in a schema.yaml if tools outside Kiln read it")
  }
}
