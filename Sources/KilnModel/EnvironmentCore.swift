import Jinja
import KilnDiagnostics
import Synchronization

/// The shared state of one resolved environment: layers, membership and per-host memos.
final class EnvironmentCore: Sendable {
  let name: String
  let chain: [EnvironmentDefinition]
  let inventory: InventoryModel
  let overlays: [OverlayDefinition]
  let overrides: [VariableOverride]
  let engine: Jinja.Environment
  /// Turns `!secret` references into placeholders; nil keeps `<secret NAME>`.
  let secrets: (any SecretReferencing)?
  let hostIndex: [String: Int]
  /// The services, sorted by name, with the inventory group each runs on.
  let serviceGroups: [(name: String, group: String)]
  /// Levels 1 and 2, shared by every host.
  let sharedBase: LayeredMap
  /// Group → its level-3 layers (inventory vars, then group_vars files, each env in order).
  let groupLayers: [String: [VariableLayer]]
  /// Group → the errors of its group_vars files along the chain (only groups with errors).
  let groupFailures: [String: [Diagnostic]]
  private let groupsMemo = Mutex<Value?>(nil)
  let hostStates: [HostState]
  private let partialMaps = Mutex<[String: LayeredMap]>([:])
  private let templates = Mutex<[String: Template]>([:])

  init(
    repository: KilnRepository, name: String, overrides: [VariableOverride],
    engine: Jinja.Environment, secrets: (any SecretReferencing)? = nil
  ) {
    self.name = name
    self.secrets = secrets
    let chainNames = repository.chain(of: name) ?? [name]
    chain = chainNames.compactMap { repository.environment(named: $0) }
    let inventory =
      repository.inventory(of: name) ?? InventoryModel.merge([], sink: DiagnosticSink())
    self.inventory = inventory
    self.overrides = overrides
    self.engine = engine
    var index: [String: Int] = [:]
    index.reserveCapacity(inventory.hosts.count)
    for (position, host) in inventory.hosts.enumerated() { index[host] = position }
    hostIndex = index
    serviceGroups = repository.services.map { ($0.name, $0.hostsGroup.name) }
    overlays = Self.overlays(of: chain, in: repository)
    // Every host reads group_vars/all and its groups' files: parse them together, in parallel.
    VarsFile.parseAll(chain.flatMap(\.groupVars.files))
    sharedBase = Self.sharedBase(repository.services, chain)
    groupLayers = Self.groupLayers(inventory, chain)
    groupFailures = Self.groupFailures(chain)
    hostStates = inventory.hosts.map { _ in HostState() }
  }

  /// `groups` as templates see it, built on first use.
  var groupsValue: Value {
    if let known = groupsMemo.withLock({ $0 }) { return known }
    let value = Value.map(
      ValueMap(
        inventory.groupNames.map { group in
          (.string(group), .list((inventory.hosts(inGroup: group) ?? []).map { .string($0) }))
        }))
    groupsMemo.withLock { $0 = value }
    return value
  }

  /// Names of the services the host at `index` runs (its `hosts:` group contains the host),
  /// in service name order; memoized.
  func services(ofHost index: Int) -> [String] {
    let state = hostStates[index]
    if let known = state.services.withLock({ $0 }) { return known }
    let groups = Set(inventory.groupNames(ofHost: inventory.hosts[index]))
    let names = serviceGroups.filter { $0.group == "all" || groups.contains($0.group) }.map(\.name)
    state.services.withLock { $0 = names }
    return names
  }

  private static func overlays(of chain: [EnvironmentDefinition], in repository: KilnRepository)
    -> [OverlayDefinition]
  {
    var seen = Set<String>()
    return chain.flatMap(\.overlays).compactMap { reference in
      guard seen.insert(reference.name).inserted else { return nil }
      return repository.overlay(named: reference.name)
    }
  }

  private static func sharedBase(_ services: [ServiceDefinition], _ chain: [EnvironmentDefinition])
    -> LayeredMap
  {
    var map = LayeredMap()
    for layer in services.compactMap(\.defaults) { LayerMerge.apply(layer, to: &map) }
    for environment in chain {
      for layer in environment.inventory.group("all")?.varLayers ?? [] {
        LayerMerge.apply(layer, to: &map)
      }
      for layer in environment.groupVars.layers(for: "all") { LayerMerge.apply(layer, to: &map) }
    }
    return map
  }

  private static func groupLayers(_ inventory: InventoryModel, _ chain: [EnvironmentDefinition])
    -> [String: [VariableLayer]]
  {
    var result: [String: [VariableLayer]] = [:]
    for group in inventory.groupNames where group != "all" {
      var layers: [VariableLayer] = []
      for environment in chain {
        layers += environment.inventory.group(group)?.varLayers ?? []
        layers += environment.groupVars.layers(for: group)
      }
      result[group] = layers
    }
    return result
  }

  private static func groupFailures(_ chain: [EnvironmentDefinition]) -> [String: [Diagnostic]] {
    var result: [String: [Diagnostic]] = [:]
    for environment in chain {
      for entry in environment.groupVars.entries {
        let errors = entry.files.flatMap(\.contents.errors)
        if !errors.isEmpty { result[entry.name, default: []] += errors }
      }
    }
    return result
  }

  /// Whether `overlay` applies to the host at `index`.
  func applies(_ overlay: OverlayDefinition, toHost index: Int) -> Bool {
    let filter = overlay.appliesTo
    let host = inventory.hosts[index]
    let groups = inventory.groupNames(ofHost: host)
    let chainNames = chain.map(\.name)
    return
      (filter.environments.isEmpty
      || filter.environments.contains { chainNames.contains($0.name) })
      && (filter.groups.isEmpty
        || filter.groups.contains { $0.name == "all" || groups.contains($0.name) })
      && (filter.hosts.isEmpty || filter.hosts.contains { $0.name == host })
      && (filter.services.isEmpty
        || filter.services.contains { services(ofHost: index).contains($0.name) })
  }

  /// The fully layered variables of the host at `index` (levels 1–5 and 7), memoized.
  func layeredMap(forHost index: Int) -> LayeredMap { layers(ofHost: index).map }

  /// The layered variables of the host at `index` and the errors of the vars files they come
  /// from (its groups' and its own), parsing those files on first use; memoized.
  func layers(ofHost index: Int) -> HostLayers {
    if let known = hostStates[index].layers.withLock({ $0 }) { return known }
    let host = inventory.hosts[index]
    let groups = inventory.layeringOrder(ofHost: host)
    var map = groupLayered(groups)
    for environment in chain {
      for layer in environment.inventory.hostVarLayers[host] ?? [] {
        LayerMerge.apply(layer, to: &map)
      }
      for layer in environment.hostVars.layers(for: host) { LayerMerge.apply(layer, to: &map) }
    }
    for overlay in overlays where applies(overlay, toHost: index) {
      if let values = overlay.values { LayerMerge.apply(values, to: &map) }
    }
    for override in overrides { override.apply(to: &map) }
    let result = HostLayers(map: map, failures: failures(ofHost: index, groups: groups))
    hostStates[index].layers.withLock { $0 = result }
    return result
  }

  /// The errors of the vars files the host at `index` reads (`groups`: its layering order),
  /// parsing its host_vars files on first use.
  private func failures(ofHost index: Int, groups: [String]) -> [Diagnostic] {
    let host = inventory.hosts[index]
    var failures: [Diagnostic] = []
    for group in ["all"] + groups { failures += groupFailures[group] ?? [] }
    for environment in chain { failures += environment.hostVars.errors(for: host) }
    return failures.sortedForOutput()
  }

  /// Levels 1–3 for hosts in exactly `groups` (layering order), shared between such hosts.
  private func groupLayered(_ groups: [String]) -> LayeredMap {
    let key = groups.joined(separator: "\u{0}")
    if let known = partialMaps.withLock({ $0[key] }) { return known }
    var map = sharedBase
    for group in groups {
      for layer in groupLayers[group] ?? [] { LayerMerge.apply(layer, to: &map) }
    }
    let result = map
    partialMaps.withLock { $0[key] = result }
    return result
  }

  /// The compiled template for a value's text, compiled once per environment.
  func template(for text: String, name: String) throws -> Template {
    if let known = templates.withLock({ $0[text] }) { return known }
    let compiled = try engine.compile(text, name: name)
    templates.withLock { $0[text] = compiled }
    return compiled
  }
}

/// The memos of one host: its layered variables and evaluated top-level values.
final class HostState: Sendable {
  let layers = Mutex<HostLayers?>(nil)
  let services = Mutex<[String]?>(nil)
  let values = Mutex<[String: Value]>([:])
}

/// One host's layered variables and the errors of the vars files they were read from.
struct HostLayers: Sendable {
  var map: LayeredMap
  /// Errors in the host's group_vars and host_vars files (their layers are left out of `map`).
  var failures: [Diagnostic]
}
