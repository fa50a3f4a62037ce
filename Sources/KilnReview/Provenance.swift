import KilnCompiler
import KilnGit
import KilnModel
import KilnYAML

/// Names, for each grouped change, the changed input lines that caused it, using the same
/// provenance `kiln explain` shows: a changed variable line counts for a host when that line
/// is the variable's effective layer there (on head, or on base for a removed line).
struct Provenance {
  let inputs: InputChanges
  let base: EnvironmentCompiler?
  let head: EnvironmentCompiler?
  private var templateTexts: [String: String] = [:]
  private var effective: [String: Bool] = [:]

  init(inputs: InputChanges, base: EnvironmentCompiler?, head: EnvironmentCompiler?) {
    self.inputs = inputs
    self.base = base
    self.head = head
  }

  /// The source lines for `entry`: template and overlay lines of the file's service and the
  /// hosts' overlays, variable lines effective on the entry's first host and named by its
  /// templates; when none is named, every effective variable line, then every other change of
  /// the environment's files (inventory, env.yaml).
  mutating func sources(for entry: ChangeEntry) -> [SourceChange] {
    guard let host = entry.hosts.first else { return [] }
    let compiler = head ?? base
    let service = compiler?.repository.service(named: entry.service)
    let overlays = compiler.map { $0.environment.overlays(forHost: host).map(\.directory) } ?? []
    let serviceDirectory = service.map { $0.directory + "/" }
    var direct: [SourceChange] = []
    var variables: [(change: SourceChange, key: String)] = []
    var others: [SourceChange] = []
    for (path, changes) in inputs.files {
      if let serviceDirectory, path.hasPrefix(serviceDirectory), !path.hasSuffix("defaults.yaml") {
        direct += changes
      } else if overlays.contains(where: { path.hasPrefix($0 + "/") }) {
        direct += changes
      } else if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
        for change in changes {
          guard let key = topLevelKey(of: change), isEffective(key, change: change, host: host)
          else {
            if isEnvironmentFile(path) { others.append(change) }
            continue
          }
          variables.append((change, key))
        }
      }
    }
    let text = serviceText(service, overlays: overlays)
    let named = variables.filter { text.contains($0.key) }.map(\.change)
    if !direct.isEmpty || !named.isEmpty { return direct + named }
    if !variables.isEmpty { return variables.map(\.change) }
    return others
  }

  private func isEnvironmentFile(_ path: String) -> Bool {
    path.hasPrefix("environments/") || path == "kiln.yaml"
  }

  /// The top-level key whose block holds the changed line, on the side the line exists on.
  private func topLevelKey(of change: SourceChange) -> String? {
    let side = change.new != nil ? head : base
    guard let source = side?.repository.source,
      let bytes = try? source.readFile(change.file),
      let document = try? YAMLParser.parse(bytes: bytes, file: change.file),
      case .mapping(let pairs) = document.root.content
    else {
      return nil
    }
    return pairs.last { $0.key.location.line <= change.line }?.key.scalar?.text
  }

  /// Whether the changed file is where `key`'s effective value for `host` comes from.
  private mutating func isEffective(_ key: String, change: SourceChange, host: String) -> Bool {
    let useHead = change.new != nil
    let memoKey = "\(useHead) \(key) \(host) \(change.file)"
    if let known = effective[memoKey] { return known }
    let compiler = useHead ? head : base
    var result = false
    if let environment = compiler?.environment,
      environment.hosts.contains(host),
      let explanation = try? environment.explain(variable: key, host: host)
    {
      result = explanation.contributions.last?.location.file == change.file
    }
    effective[memoKey] = result
    return result
  }

  /// The text of the service's templates and the hosts' overlays, for "does it name the key".
  private mutating func serviceText(_ service: ServiceDefinition?, overlays: [String]) -> String {
    let directories = (service.map { [$0.directory] } ?? []) + overlays
    let cacheKey = directories.joined(separator: "|")
    if let known = templateTexts[cacheKey] { return known }
    var text = ""
    if let source = (head ?? base)?.repository.source {
      for directory in directories {
        for path in (try? source.filePaths(under: directory)) ?? [] {
          text += String(decoding: ((try? source.readFile(path)) ?? nil) ?? [], as: UTF8.self)
        }
      }
    }
    templateTexts[cacheKey] = text
    return text
  }
}
