import Jinja
import KilnDiagnostics

/// One host's variables as templates see them: layered values evaluated lazily, plus Ansible's
/// magic variables (`inventory_hostname`, `groups`, `hostvars`, …).
public struct HostVariables: VariableResolver, Sendable {
  let core: EnvironmentCore
  let index: Int

  /// The host's inventory name.
  public var host: String { core.inventory.hosts[index] }

  /// The magic variables every host has, which layered values cannot override.
  public static let magicNames = [
    "inventory_hostname", "inventory_hostname_short", "group_names", "groups", "hostvars",
    "environment_name", "kiln_env",
  ]

  /// The host's layered (unevaluated) variables with provenance.
  public var layered: LayeredMap { core.layeredMap(forHost: index) }

  /// Every variable name the host can read: its defined variables, then the magic ones.
  public var names: [String] { layered.definedKeys + Self.magicNames }

  /// The value of a top-level variable, evaluating `{{ }}` on first use; nil when undefined.
  /// A value whose expression reads an undefined variable is itself undefined (as in Ansible,
  /// so `| default(…)` and `is defined` work), its hint saying why. Throws a `Diagnostic`
  /// for other failures (KLN124 for a reference cycle, KLN125 for a failing expression, or
  /// the first error of a group_vars or host_vars file the host reads).
  public func resolve(_ name: String) throws -> Value? {
    try value(of: name, strict: false)
  }

  /// The evaluated value at a dotted path such as `mariadb.max_connections` (or `servers.0`
  /// into a list); nil if undefined.
  public func resolve(path: [String]) throws -> Value? {
    try value(at: path, strict: false)
  }

  /// A top-level variable; `strict` throws undefined references instead of returning them.
  func value(of name: String, strict: Bool) throws -> Value? {
    if let magic = magicValue(name) { return magic }
    let state = core.hostStates[index]
    if let known = state.values.withLock({ $0[name] }), !(strict && known.isUndefined) {
      return known
    }
    let layers = core.layers(ofHost: index)
    if let failure = layers.failures.first { throw failure }
    guard let value = layers.map[name], value.isDefined else { return nil }
    let evaluated: Value
    do {
      evaluated = try ValueEvaluation(variables: self).evaluateTopLevel(name, value)
    } catch let diagnostic as Diagnostic
      where !strict && diagnostic.id == ModelDiagnostics.undefinedReference
    {
      ValueEvaluation.context?.failure.clear()
      let place = diagnostic.location.map { " at \($0)" } ?? ""
      evaluated = .undefined(
        name, hint: "its value\(place) reads an undefined variable: \(diagnostic.message)")
    }
    state.values.withLock { $0[name] = evaluated }
    return evaluated
  }

  /// The value at a dotted path; `strict` as for `value(of:strict:)`.
  func value(at path: [String], strict: Bool) throws -> Value? {
    guard let first = path.first, var current = try value(of: first, strict: strict) else {
      return nil
    }
    for key in path.dropFirst() {
      switch current {
      case .map(let map):
        guard let next = map[key] else { return nil }
        current = next
      case .object(let object):
        guard let next = try object.value(forKey: key) else { return nil }
        current = next
      case .list(let items):
        guard let position = Int(key), items.indices.contains(position) else { return nil }
        current = items[position]
      default:
        return nil
      }
    }
    return current
  }

  private func magicValue(_ name: String) -> Value? {
    switch name {
    case "inventory_hostname": return .string(host)
    case "inventory_hostname_short":
      return .string(String(host.split(separator: ".", maxSplits: 1).first ?? Substring(host)))
    case "group_names":
      return .list(core.inventory.groupNames(ofHost: host).map { .string($0) })
    case "groups": return core.groupsValue
    case "hostvars": return .object(HostVarsObject(core: core))
    case "environment_name", "kiln_env": return .string(core.name)
    default: return nil
    }
  }
}

/// Ansible's `hostvars`: every host of the environment, each its lazily layered view.
struct HostVarsObject: DynamicObject {
  let core: EnvironmentCore

  func value(forKey key: String) throws -> Value? {
    core.hostIndex[key].map { .object(HostView(variables: HostVariables(core: core, index: $0))) }
  }

  func keys() throws -> [String] { core.inventory.hosts }

  var typeName: String { "HostVars" }
}

/// `hostvars[h]`: host h's variables, including its magic variables.
struct HostView: DynamicObject {
  let variables: HostVariables

  func value(forKey key: String) throws -> Value? { try variables.resolve(key) }

  func keys() throws -> [String] { variables.names.filter { $0 != "hostvars" } }

  var typeName: String { "HostVarsVars" }
}
