import KilnDiagnostics

/// Cross-file checks of a loaded repository: names that must refer to something that exists.
struct RepositoryValidation {
  let repository: KilnRepository
  let sink: DiagnosticSink

  func run() {
    checkDefaultEnvironment()
    for environment in repository.environments { check(environment) }
    checkServiceGroups()
    for overlay in repository.overlays { check(overlay) }
    checkUnusedOverlays()
    // Vars files check their tags when they are parsed (`VarsFile`).
    for layer in allLayers() { LayerValidation.checkTags(layer, sink: sink) }
    LayerValidation.checkDefaultsConflicts(repository.services, sink: sink)
  }

  private var environmentNames: [String] { repository.environments.map(\.name) }

  private func checkDefaultEnvironment() {
    guard let reference = repository.config.defaultEnvironment,
      repository.environment(named: reference.name) == nil
    else { return }
    sink.add(
      ModelDiagnostics.unknownName(
        ModelDiagnostics.unknownEnvironment, kind: "environment", name: reference.name,
        at: reference.location, known: environmentNames))
  }

  private func check(_ environment: EnvironmentDefinition) {
    guard let inventory = repository.inventory(of: environment.name) else { return }
    for entry in environment.hostVars.entries where !inventory.contains(host: entry.name) {
      sink.add(
        Diagnostic(
          id: ModelDiagnostics.hostNotInInventory,
          message:
            "host_vars for '\(entry.name)', a host in no group of environment '\(environment.name)'",
          location: entry.location,
          hint: Suggestion.closest(to: entry.name, among: inventory.hosts).map {
            "did you mean '\($0)'? Otherwise add the host to a group in inventory.yaml"
          } ?? "add '\(entry.name)' to a group in inventory.yaml, or delete the file"))
    }
    for entry in environment.groupVars.entries where !inventory.contains(group: entry.name) {
      sink.add(
        Diagnostic(
          id: ModelDiagnostics.unknownGroupVars, severity: .warning,
          message:
            "group_vars for '\(entry.name)', a group the inventory of '\(environment.name)' does not declare",
          location: entry.location,
          hint: Suggestion.closest(to: entry.name, among: inventory.groupNames).map {
            "did you mean '\($0)'?"
          } ?? "declare the group in inventory.yaml, or delete the file"))
    }
    var listed = Set<String>()
    let overlayNames = repository.overlays.map(\.name)
    for reference in environment.overlays {
      if repository.overlay(named: reference.name) == nil {
        sink.add(
          ModelDiagnostics.unknownName(
            ModelDiagnostics.unknownOverlay, kind: "overlay", name: reference.name,
            at: reference.location, known: overlayNames))
      } else if !listed.insert(reference.name).inserted {
        sink.add(
          Diagnostic(
            id: ModelDiagnostics.duplicateName, severity: .warning,
            message: "overlay '\(reference.name)' is listed twice; it applies once",
            location: reference.location, hint: "remove the second entry"))
      }
    }
  }

  private func checkServiceGroups() {
    for service in repository.services {
      let group = service.hostsGroup
      let known = repository.environments.contains {
        repository.inventory(of: $0.name)?.contains(group: group.name) ?? false
      }
      if !known {
        let groups = repository.environments.flatMap {
          repository.inventory(of: $0.name)?.groupNames ?? []
        }
        sink.add(
          ModelDiagnostics.unknownName(
            ModelDiagnostics.unknownServiceGroup, kind: "inventory group", name: group.name,
            at: group.location, known: Array(Set(groups)).sorted()))
      }
    }
  }

  private func check(_ overlay: OverlayDefinition) {
    let filter = overlay.appliesTo
    for reference in filter.environments where repository.environment(named: reference.name) == nil
    {
      sink.add(
        ModelDiagnostics.unknownName(
          ModelDiagnostics.unknownEnvironment, kind: "environment", name: reference.name,
          at: reference.location, known: environmentNames))
    }
    for reference in filter.services where repository.service(named: reference.name) == nil {
      sink.add(
        ModelDiagnostics.unknownName(
          ModelDiagnostics.unknownService, kind: "service", name: reference.name,
          at: reference.location, known: repository.services.map(\.name)))
    }
    let inventories = repository.environments.compactMap { repository.inventory(of: $0.name) }
    for reference in filter.groups
    where !inventories.contains(where: { $0.contains(group: reference.name) }) {
      sink.add(unknownTarget("group", reference, Set(inventories.flatMap(\.groupNames))))
    }
    for reference in filter.hosts
    where !inventories.contains(where: { $0.contains(host: reference.name) }) {
      sink.add(unknownTarget("host", reference, Set(inventories.flatMap(\.hosts))))
    }
  }

  private func checkUnusedOverlays() {
    let listed = Set(repository.environments.flatMap { $0.overlays.map(\.name) })
    for overlay in repository.overlays where !listed.contains(overlay.name) {
      sink.add(
        Diagnostic(
          id: ModelDiagnostics.unusedOverlay, severity: .warning,
          message: "overlay '\(overlay.name)' is listed by no environment, so it never applies",
          location: overlay.location,
          hint: "add '\(overlay.name)' to 'overlays:' in an env.yaml, or delete the overlay"))
    }
  }

  private func unknownTarget(_ kind: String, _ reference: NameReference, _ known: Set<String>)
    -> Diagnostic
  {
    var diagnostic = ModelDiagnostics.unknownName(
      ModelDiagnostics.unknownTarget, kind: kind, name: reference.name, at: reference.location,
      known: known.sorted())
    diagnostic.message += " (no inventory declares it, so the overlay could never match it)"
    return diagnostic
  }

  private func allLayers() -> [VariableLayer] {
    var layers = repository.services.compactMap(\.defaults)
    layers += repository.overlays.compactMap(\.values)
    for environment in repository.environments {
      layers += environment.inventory.groups.flatMap(\.varLayers)
      for host in environment.inventory.hosts {
        layers += environment.inventory.hostVarLayers[host] ?? []
      }
    }
    return layers
  }
}
