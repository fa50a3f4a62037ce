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
  /// Host index → names of the services it runs, in service name order.
  let servicesByHost: [[String]]
  /// Levels 1 and 2, shared by every host.
  let sharedBase: LayeredMap
  /// Group → its level-3 layers (inventory vars, then group_vars files, each env in order).
  let groupLayers: [String: [VariableLayer]]
  /// `groups` as templates see it.
  let groupsValue: Value
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
    for (position, host) in inventory.hosts.enumerated() { index[host] = position }
    hostIndex = index
    servicesByHost = Self.servicesByHost(repository.services, inventory, index)
    overlays = Self.overlays(of: chain, in: repository)
    sharedBase = Self.sharedBase(repository.services, chain)
    groupLayers = Self.groupLayers(inventory, chain)
    groupsValue = .map(
      ValueMap(
        inventory.groupNames.map { group in
          (.string(group), .list((inventory.hosts(inGroup: group) ?? []).map { .string($0) }))
        }))
    hostStates = inventory.hosts.map { _ in HostState() }
  }

  private static func servicesByHost(
    _ services: [ServiceDefinition], _ inventory: InventoryModel, _ index: [String: Int]
  ) -> [[String]] {
    var result = [[String]](repeating: [], count: inventory.hosts.count)
    for service in services {
      for host in inventory.hosts(inGroup: service.hostsGroup.name) ?? [] {
        if let position = index[host] { result[position].append(service.name) }
      }
    }
    return result
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
        || filter.services.contains { servicesByHost[index].contains($0.name) })
  }

  /// The fully layered variables of the host at `index` (levels 1–5 and 7), memoized.
  func layeredMap(forHost index: Int) -> LayeredMap {
    if let known = hostStates[index].layered.withLock({ $0 }) { return known }
    let host = inventory.hosts[index]
    var map = groupLayered(inventory.layeringOrder(ofHost: host))
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
    let result = map
    hostStates[index].layered.withLock { $0 = result }
    return result
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
  let layered = Mutex<LayeredMap?>(nil)
  let values = Mutex<[String: Value]>([:])
}
