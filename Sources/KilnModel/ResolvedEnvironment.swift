import Jinja
import KilnDiagnostics

extension KilnRepository {
  /// Resolves an environment for rendering: its chain, merged inventory, layers and host
  /// variables. `name` nil means kiln.yaml's `default-env`; `engine` renders `{{ }}` in values;
  /// `secrets` gives `!secret` references their placeholder text.
  public func resolve(
    environment name: String? = nil, overrides: [VariableOverride] = [],
    engine: Jinja.Environment, secrets: (any SecretReferencing)? = nil
  ) throws(DiagnosticsError) -> ResolvedEnvironment {
    guard let name = name ?? defaultEnvironmentName else {
      throw DiagnosticsError(
        Diagnostic(
          id: ModelDiagnostics.missing, message: "no environment named and no default-env",
          location: .file(RepositoryConfig.path),
          hint: "pass --env NAME or set 'default-env:' in kiln.yaml"))
    }
    guard environment(named: name) != nil else {
      throw DiagnosticsError(
        ModelDiagnostics.unknownName(
          ModelDiagnostics.unknownEnvironment, kind: "environment", name: name, at: nil,
          known: environments.map(\.name)))
    }
    return ResolvedEnvironment(
      repository: self,
      core: EnvironmentCore(
        repository: self, name: name, overrides: overrides, engine: engine, secrets: secrets))
  }
}

/// One environment ready to render: hosts, groups, services per host, overlays and each
/// host's lazily layered variables.
public struct ResolvedEnvironment: Sendable {
  /// The repository it came from.
  public let repository: KilnRepository
  let core: EnvironmentCore

  /// The environment's name.
  public var name: String { core.name }
  /// The inheritance chain, base first, ending with this environment.
  public var chain: [String] { core.chain.map(\.name) }
  /// The inventory merged along the chain.
  public var inventory: InventoryModel { core.inventory }
  /// Every host, in inventory order.
  public var hosts: [String] { core.inventory.hosts }
  /// The overlays the chain lists, in application order (each once).
  public var overlays: [OverlayDefinition] { core.overlays }

  /// The hosts of `group` (including its descendants), in inventory order; nil if unknown.
  public func hosts(inGroup group: String) -> [String]? { core.inventory.hosts(inGroup: group) }

  /// Ansible's `group_names` of `host`.
  public func groupNames(ofHost host: String) -> [String] {
    core.inventory.groupNames(ofHost: host)
  }

  /// The services that run on `host` (its `hosts:` group contains the host), by name.
  public func services(onHost host: String) -> [ServiceDefinition] {
    guard let index = core.hostIndex[host] else { return [] }
    return core.services(ofHost: index).compactMap { repository.service(named: $0) }
  }

  /// The hosts that run `service`, in inventory order.
  public func hosts(runningService service: String) -> [String] {
    guard let definition = repository.service(named: service) else { return [] }
    return core.inventory.hosts(inGroup: definition.hostsGroup.name) ?? []
  }

  /// The overlays whose `applies-to` matches `host`, in application order.
  public func overlays(forHost host: String) -> [OverlayDefinition] {
    guard let index = core.hostIndex[host] else { return [] }
    return core.overlays.filter { core.applies($0, toHost: index) }
  }

  /// The template variables of `host`; throws KLN129 for a host not in the inventory, and the
  /// errors of the group_vars and host_vars files the host reads.
  public func variables(forHost host: String) throws(DiagnosticsError) -> HostVariables {
    guard let index = core.hostIndex[host] else {
      throw DiagnosticsError(
        ModelDiagnostics.unknownName(
          ModelDiagnostics.unknownHost, kind: "host", name: host, at: nil,
          known: core.inventory.hosts))
    }
    let failures = core.layers(ofHost: index).failures
    if !failures.isEmpty { throw DiagnosticsError(failures) }
    return HostVariables(core: core, index: index)
  }

  /// Parses, in parallel, the vars files that rendering `hosts` starts from: every group_vars
  /// file of the chain and the hosts' own host_vars files. Throws every error in them (with
  /// the repository's warnings and the files' warnings, as a load does); files read later
  /// through `hostvars` are parsed then, and their errors thrown by value resolution.
  public func prepareVariables(forHosts hosts: [String]) throws(DiagnosticsError) {
    let hostFiles = core.chain.flatMap { environment in
      hosts.flatMap { environment.hostVars.files(for: $0) }
    }
    VarsFile.parseAll(hostFiles)
    let files = core.chain.flatMap(\.groupVars.files) + hostFiles
    let findings = files.flatMap(\.contents.diagnostics)
    guard findings.contains(where: { $0.severity == .error }) else { return }
    var seen = Set<Diagnostic>()
    throw DiagnosticsError((repository.warnings + findings).filter { seen.insert($0).inserted })
  }

  /// The warnings of the chain's vars files parsed so far (YAML 1.1 booleans, …), sorted.
  public var variableFileWarnings: [Diagnostic] {
    let files = core.chain.flatMap { $0.groupVars.files + $0.hostVars.files }
    let warnings = files.flatMap { file in
      (file.parsedContents?.diagnostics ?? []).filter { $0.severity != .error }
    }
    return warnings.sortedForOutput()
  }

  /// Explains a variable (or dotted path into maps) of `host`: its effective value and every
  /// layer that set it, lowest first. Evaluation errors of the value are thrown, including
  /// references to undefined variables (which `resolve` turns into undefined values).
  public func explain(variable: String, host: String) throws -> VariableExplanation {
    let variables = try variables(forHost: host)
    let path = variable.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let isMagic = path.count == 1 && HostVariables.magicNames.contains(variable)
    let layered = isMagic ? nil : path.first.flatMap { variables.layered[$0] }
    let value = path.count == 1 ? layered : layered?.value(at: path.dropFirst())
    let effective = try variables.value(at: path, strict: true)
    return VariableExplanation(
      host: host, variable: variable, layered: value, effectiveValue: effective, isMagic: isMagic)
  }
}

/// What `kiln explain --var NAME --host H` prints: the effective value and its layers.
public struct VariableExplanation: Sendable {
  /// The host.
  public var host: String
  /// The variable or dotted path asked about.
  public var variable: String
  /// The layered value with its history; nil when no layer sets it (or it is magic).
  public var layered: LayeredValue?
  /// The evaluated value; nil when undefined.
  public var effectiveValue: Value?
  /// Whether the variable is one of the magic variables (`groups`, `hostvars`, …).
  public var isMagic: Bool

  /// Every layer that set or changed the value, lowest first (the last one wins).
  public var contributions: [Contribution] { layered?.history ?? [] }

  /// Whether the variable is defined for the host.
  public var isDefined: Bool { !(effectiveValue?.isUndefined ?? true) }
}
