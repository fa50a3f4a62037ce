/// Which templates can be reached from a host's service and overlay directories, and whether
/// any of them names `hostvars`.
///
/// Reachable: the files of those directories, then every template whose name (relative to
/// `templates/`) appears in a reachable text or in a variable file, transitively. That covers
/// `include`, `import`, `extends` and `lookup('template', …)` with a literal name, a name
/// stored in a variable, or a name from a list of literals; a name assembled at render time
/// from pieces is not followed.
struct TemplateReferences {
  /// Template path → the templates its text names.
  private var edges: [String: [String]] = [:]
  /// The templates named by variable files.
  private var fromVariables: [String] = []
  /// The templates (and overlay files) whose text names `hostvars`.
  private var readers: Set<String> = []
  /// Every template and overlay file path.
  private let paths: [String]

  init(texts: [String: String], variableText: String) {
    paths = texts.keys.sorted()
    let names = paths.filter { $0.hasPrefix("templates/") }.map {
      (path: $0, name: String($0.dropFirst("templates/".count)))
    }
    for (path, text) in texts {
      edges[path] = names.filter { text.contains($0.name) }.map(\.path)
      if text.contains("hostvars") { readers.insert(path) }
    }
    let tokens = Self.tokens(of: variableText)
    fromVariables = names.filter { tokens.contains(Substring($0.name)) }.map(\.path)
  }

  /// The words of a YAML text split at quotes, brackets, commas, colons, spaces and `|`: a
  /// template name stored in a variable is one such word.
  static func tokens(of text: String) -> Set<Substring> {
    let separators: Set<Character> = [
      " ", "\t", "\n", "'", "\"", ",", "[", "]", "{", "}", "(", ")", ":", "=", "|", "~",
    ]
    return Set(text.split { separators.contains($0) })
  }

  /// Whether a template reachable from `directories` (each ending in `/`) names `hostvars`.
  func readsHostvars(from directories: [String]) -> Bool {
    var pending =
      paths.filter { path in directories.contains { path.hasPrefix($0) } } + fromVariables
    var seen = Set(pending)
    while let next = pending.popLast() {
      if readers.contains(next) { return true }
      for target in edges[next] ?? [] where seen.insert(target).inserted {
        pending.append(target)
      }
    }
    return false
  }
}
