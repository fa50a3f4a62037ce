import KilnDiagnostics

/// Drops inventory variables that would not reach Kiln as they reach kolla-ansible: those
/// `globals.yml`/`passwords.yml` also set (kolla-ansible passes them as extra vars, which
/// always win) and those whose Jinja references Ansible facts.
enum InventoryCleanup {
  /// Removes those variables from `inventory` and returns one warning per removal.
  static func apply(
    to inventory: inout ImportedInventory,
    extraVariables: [(name: String, location: SourceLocation)]
  ) -> [Diagnostic] {
    var extras: [String: SourceLocation] = [:]
    for variable in extraVariables where extras[variable.name] == nil {
      extras[variable.name] = variable.location
    }
    var diagnostics: [Diagnostic] = []
    let all = inventory.groups.flatMap(\.variables) + inventory.hosts.flatMap(\.variables)
    var seen: Set<SourceLocationKey> = []
    for variable in all {
      guard seen.insert(SourceLocationKey(variable)).inserted else { continue }
      if let extra = extras[variable.name] {
        diagnostics.append(
          Diagnostic(
            id: ImportDiagnostics.shadowedByGlobals, severity: .warning,
            message: "'\(variable.name)' is also set by \(extra.file), which kolla-ansible passes "
              + "as extra vars, so this value never applied; not imported",
            location: variable.location,
            related: [RelatedLocation(extra, note: "the value that applies")],
            hint: "delete it from the inventory"))
        continue
      }
      let facts = variable.value.strings.flatMap(FactReferences.facts(in:))
      if !facts.isEmpty {
        diagnostics.append(
          Diagnostic(
            id: ImportDiagnostics.factReference, severity: .warning,
            message:
              "'\(variable.name)' references Ansible facts (\(facts.joined(separator: ", "))), "
              + "which Kiln does not gather; not imported", location: variable.location,
            hint: "set the value the fact gave in host_vars"))
      }
    }
    inventory.removeVariables { variable in
      extras[variable.name] != nil
        || !variable.value.strings.flatMap(FactReferences.facts(in:)).isEmpty
    }
    return diagnostics
  }

  /// Identifies one variable setting (a range line sets it on several hosts).
  private struct SourceLocationKey: Hashable {
    var name: String
    var location: SourceLocation
    init(_ variable: InventoryVariable) {
      name = variable.name
      location = variable.location
    }
  }
}
