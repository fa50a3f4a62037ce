import KilnDiagnostics

/// Orders environments along `inherits:`: every environment's chain, base first.
enum EnvironmentChain {
  /// The chain of every environment (base first, the environment itself last). Unknown parents
  /// and cycles are reported; the chains then skip the offending edges.
  static func resolve(_ environments: [EnvironmentDefinition], sink: DiagnosticSink)
    -> [String: [String]]
  {
    var byName: [String: EnvironmentDefinition] = [:]
    for environment in environments { byName[environment.name] = environment }
    let names = environments.map(\.name)
    for environment in environments {
      for parent in environment.inherits where byName[parent.name] == nil {
        sink.add(
          ModelDiagnostics.unknownName(
            ModelDiagnostics.unknownEnvironment, kind: "parent environment", name: parent.name,
            at: parent.location, known: names))
      }
    }
    var finder = CycleFinder(byName: byName, sink: sink)
    for name in names { finder.visit(name, path: []) }
    var chains: [String: [String]] = [:]
    for name in names {
      var chain: [String] = []
      var visited = Set<String>()
      appendPostOrder(name, byName, &visited, &chain)
      chains[name] = chain
    }
    return chains
  }

  private static func appendPostOrder(
    _ name: String, _ byName: [String: EnvironmentDefinition], _ visited: inout Set<String>,
    _ chain: inout [String]
  ) {
    guard let environment = byName[name], visited.insert(name).inserted else { return }
    for parent in environment.inherits {
      appendPostOrder(parent.name, byName, &visited, &chain)
    }
    chain.append(name)
  }

  private struct CycleFinder {
    let byName: [String: EnvironmentDefinition]
    let sink: DiagnosticSink
    var done = Set<String>()

    mutating func visit(_ name: String, path: [String]) {
      guard let environment = byName[name], !done.contains(name) else { return }
      let path = path + [name]
      for parent in environment.inherits where byName[parent.name] != nil {
        if let start = path.firstIndex(of: parent.name) {
          let cycle = path[start...] + [parent.name]
          sink.add(
            Diagnostic(
              id: ModelDiagnostics.inheritanceCycle,
              message: "environments inherit in a cycle: \(cycle.joined(separator: " → "))",
              location: parent.location,
              hint: "remove '\(parent.name)' from the inherits: of '\(name)'"))
        } else {
          visit(parent.name, path: path)
        }
      }
      done.insert(name)
    }
  }
}
