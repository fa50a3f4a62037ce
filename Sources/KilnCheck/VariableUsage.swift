import KilnCompiler
import KilnModel
import KilnYAML

/// Which variable names the repository reads (templates, value expressions, overlay fragments,
/// schemas, `enable_<service>` switches and the names the checks themselves read) and which it
/// knows (those plus service defaults).
struct VariableUsage {
  var read = Set<String>()
  var known = Set<String>()
  var knownList: [String] = []

  init(_ context: CheckContext) {
    for service in context.repository.services {
      for (_, uses) in context.compiler.variableUses(of: service) {
        read.formUnion(uses.map(\.name))
      }
      read.insert("enable_\(service.name)")
      if let pairs = service.defaults?.node.mappingPairs {
        known.formUnion(pairs.compactMap { $0.key.string })
      }
    }
    let (schemas, _) = VariableSchema.loadAll(context.repository)
    read.formUnion(schemas.flatMap { $0.entries.map(\.name) })
    var parsed: [String: [String]] = [:]
    for host in context.environment.hosts {
      guard let layered = try? context.environment.variables(forHost: host).layered else {
        continue
      }
      for (_, value) in layered.definedEntries {
        Self.expressions(in: value) { text in
          if parsed[text] == nil { parsed[text] = context.compiler.variableNames(inValue: text) }
          read.formUnion(parsed[text] ?? [])
        }
      }
    }
    for overlay in context.environment.overlays {
      for patch in overlay.patches {
        guard let fragment = patch["with"]?.string,
          let bytes = try? context.repository.source.readFile("\(overlay.directory)/\(fragment)")
        else { continue }
        read.formUnion(
          context.compiler.variableNames(inValue: String(decoding: bytes, as: UTF8.self)))
      }
    }
    for host in context.environment.hosts.prefix(1) {
      read.formUnion(AddressPlan.networkNames(host: host, in: context))
    }
    read.formUnion(AddressPlan.vipNames + GaleraQuorum.arbitratorVariables)
    known.formUnion(read)
    knownList = known.sorted()
  }

  /// Calls `visit` with every string of `value` that holds template syntax.
  static func expressions(in value: LayeredValue, _ visit: (String) -> Void) {
    switch value.content {
    case .scalar(.string(let text)) where text.contains("{{") || text.contains("{%"):
      visit(text)
    case .list(let items): items.forEach { expressions(in: $0, visit) }
    case .map(let map): map.definedEntries.forEach { expressions(in: $0.value, visit) }
    default: break
    }
  }
}
