import KilnDiagnostics
import KilnYAML

/// Reads `rollout:` from the environment chain's env.yaml files into a `RolloutPlan`, with the
/// health scripts its checks name; the nearest env.yaml of the chain that says `rollout:` wins.
public enum RolloutPlanReader {
  /// Diagnostic: `rollout:` is not what the executor understands.
  public static let invalidRollout: DiagnosticID = "KLN604"

  /// The rollout of `environment`: every host with its groups, and `rollout:` when the chain
  /// says it (else one wave of every host); a malformed `rollout:` throws KLN604 located in
  /// env.yaml.
  public static func read(for environment: ResolvedEnvironment) throws(DiagnosticsError)
    -> ResolvedRollout
  {
    let hosts = environment.hosts.map {
      RolloutPlan.Host(name: $0, groups: environment.groupNames(ofHost: $0))
    }
    let node = environment.chain.reversed().lazy.compactMap {
      environment.repository.environment(named: $0)?.rollout
    }.first
    var reader = Reader(hosts: hosts, groups: environment.inventory.groupNames)
    var plan = RolloutPlan(env: environment.name, hosts: hosts)
    if let node { try reader.read(node, into: &plan) }
    let scripts = reader.scripts.map {
      ResolvedRollout.Script(archivePath: $0.0, source: $0.1.source, location: $0.1.location)
    }
    return ResolvedRollout(plan: plan, scripts: scripts)
  }

  struct Reader {
    let hosts: [RolloutPlan.Host]
    let groups: [String]
    var scripts: [(String, (source: String, location: SourceLocation))] = []

    static let keys = [
      "canary", "batch", "order", "max_fail_percentage", "any_errors_fatal", "health",
    ]
    static let healthKeys = ["timeout", "retries", "delay", "checks"]
    static let checkKeys = ["name", "services", "command", "script", "per_wave"]

    mutating func read(_ node: YAMLNode, into plan: inout RolloutPlan) throws(DiagnosticsError) {
      let pairs = try mapping(node, allowed: Self.keys, what: "rollout")
      for pair in pairs {
        let value = pair.value
        switch pair.key.string ?? "" {
        case "canary": plan.canary = try hostNames(value)
        case "batch": plan.batch = try batch(value)
        case "order": plan.order = try names(value, known: groups, kind: "group")
        case "max_fail_percentage":
          guard let percent = value.int, (0...100).contains(percent) else {
            throw problem(value, "a percentage from 0 to 100")
          }
          plan.maxFailPercentage = percent
        case "any_errors_fatal":
          guard let flag = value.bool else { throw problem(value, "true or false") }
          plan.anyErrorsFatal = flag
        default: plan.health = try health(value)
        }
      }
    }

    private func mapping(_ node: YAMLNode, allowed: [String], what: String)
      throws(DiagnosticsError) -> [YAMLPair]
    {
      guard let pairs = node.mappingPairs else { throw problem(node, "a mapping for \(what)") }
      for pair in pairs where !allowed.contains(pair.key.string ?? "") {
        throw problem(pair.key, "one of \(allowed.joined(separator: ", ")) in \(what)")
      }
      return pairs
    }

    private func strings(_ node: YAMLNode) throws(DiagnosticsError) -> [(String, YAMLNode)] {
      if let single = node.string { return [(single, node)] }
      guard let items = node.sequenceItems else { throw problem(node, "a name or a list") }
      var result: [(String, YAMLNode)] = []
      for item in items {
        guard let text = item.string else { throw problem(item, "a name") }
        result.append((text, item))
      }
      return result
    }

    private func names(_ node: YAMLNode, known: [String], kind: String) throws(DiagnosticsError)
      -> [String]
    {
      var result: [String] = []
      for (name, item) in try strings(node) {
        guard known.contains(name) else { throw problem(item, "a \(kind) of the inventory") }
        result.append(name)
      }
      return result
    }

    /// Hosts named directly or through a group, in inventory order.
    private func hostNames(_ node: YAMLNode) throws(DiagnosticsError) -> [String] {
      var wanted: Set<String> = []
      for (name, item) in try strings(node) {
        if hosts.contains(where: { $0.name == name }) {
          wanted.insert(name)
        } else if groups.contains(name) {
          wanted.formUnion(hosts.filter { $0.groups.contains(name) }.map(\.name))
        } else {
          throw problem(item, "a host or group of the inventory")
        }
      }
      return hosts.map(\.name).filter { wanted.contains($0) }
    }

    private func batch(_ node: YAMLNode) throws(DiagnosticsError) -> [RolloutPlan.BatchSize] {
      let items = node.sequenceItems ?? [node]
      var sizes: [RolloutPlan.BatchSize] = []
      for item in items {
        guard let text = item.string, let size = RolloutPlan.BatchSize(text: text) else {
          throw problem(item, "a host count (5) or a percentage (\"25%\")")
        }
        sizes.append(size)
      }
      guard !sizes.isEmpty else { throw problem(node, "at least one batch size") }
      return sizes
    }

    private mutating func health(_ node: YAMLNode) throws(DiagnosticsError) -> RolloutPlan.Health {
      var health = RolloutPlan.Health()
      for pair in try mapping(node, allowed: Self.healthKeys, what: "rollout.health") {
        let value = pair.value
        switch pair.key.string ?? "" {
        case "timeout":
          guard let seconds = value.double, seconds > 0 else {
            throw problem(value, "seconds above zero")
          }
          health.timeout = seconds
        case "retries":
          guard let count = value.int, count >= 0 else { throw problem(value, "a count ≥ 0") }
          health.retries = count
        case "delay":
          guard let seconds = value.double, seconds >= 0 else { throw problem(value, "seconds") }
          health.delay = seconds
        default:
          guard let items = value.sequenceItems else { throw problem(value, "a list of checks") }
          for item in items { health.checks.append(try check(item)) }
        }
      }
      return health
    }

    private mutating func check(_ node: YAMLNode) throws(DiagnosticsError)
      -> RolloutPlan.HealthCheck
    {
      _ = try mapping(node, allowed: Self.checkKeys, what: "a health check")
      guard let name = node["name"]?.string, !name.isEmpty else {
        throw problem(node["name"] ?? node, "'name:' naming the check")
      }
      let services =
        try node["services"].map { (value) throws(DiagnosticsError) in
          try strings(value).map(\.0)
        } ?? []
      var script: String?
      if let scriptNode = node["script"] {
        guard let source = scriptNode.string, !source.isEmpty, !source.hasPrefix("/") else {
          throw problem(scriptNode, "a script path relative to the repository root")
        }
        let file = source.split(separator: "/").last.map(String.init) ?? source
        let path = "health/\(file)"
        if let existing = scripts.first(where: { $0.0 == path }), existing.1.source != source {
          throw problem(scriptNode, "a script file name not used by another check")
        }
        if !scripts.contains(where: { $0.0 == path }) {
          scripts.append((path, (source, scriptNode.location)))
        }
        script = path
      }
      let command =
        node["command"]?.string ?? (script == nil ? nil : "sh {script} {host} {service}")
      guard let command else { throw problem(node, "'command:' or 'script:'") }
      var perWave = false
      if let flag = node["per_wave"] {
        guard let value = flag.bool else { throw problem(flag, "true or false") }
        perWave = value
      }
      return RolloutPlan.HealthCheck(
        name: name, services: services, command: command, script: script, perWave: perWave)
    }

    private func problem(_ node: YAMLNode, _ expected: String) -> DiagnosticsError {
      DiagnosticsError(
        Diagnostic(
          id: RolloutPlanReader.invalidRollout,
          message: "rollout: expected \(expected), found \(node.kindName)",
          location: node.location,
          hint: "see the README's `kiln apply` section for the rollout: keys"))
    }
  }
}
