import Crypto
import KilnDiagnostics
import KilnGit
import KilnModel

/// The cache key of each host's render: a SHA-256 over the git blob ids of every input the
/// render can read, the Kiln version and anything else that changes renders.
///
/// What a host's render reads, and so what its key covers:
/// * shared by every host: `kiln.yaml`, every file of `templates/` and `overlays/`, and every
///   file of each environment of the chain except `group_vars/` and `host_vars/` (env.yaml,
///   inventory, secrets);
/// * the host's own variable files: `group_vars` of `all` and of each of its groups, and its
///   `host_vars`, in every environment of the chain;
/// * the variable files of every host, when the host can read other hosts' variables: a
///   template of one of its services, or one such a template may include, reads `hostvars`
///   (found from the templates' syntax, `variableUses(of:)`), a file of one of its overlays
///   names `hostvars`, or a variable file of the chain does (values are evaluated lazily, so
///   one value can read another host);
/// * the whole repository when any template calls `lookup(` (it can read any file).
struct RenderInputKeys {
  private let compiler: EnvironmentCompiler
  private let source: any SourceTree
  /// SHA-256 over the salt and the identities of the inputs every host shares.
  private let shared: String
  /// Each group_vars/host_vars directory of the chain with its entries by group or host name.
  private let variableFiles: [(directory: String, byStem: [String: [TreeEntry]])]
  private let everyVariableFile: [String]
  /// Whether each host's templates or overlays read `hostvars`.
  private let readers: [String: Bool]
  private let variablesReadHosts: Bool

  /// Lists and identifies the inputs of `compiler`'s environment once; `salt` holds the Kiln
  /// version and everything else that changes renders (the `--set` assignments, services).
  init(compiler: EnvironmentCompiler, salt: [String]) throws(DiagnosticsError) {
    self.compiler = compiler
    source = compiler.source
    let directories = compiler.environment.chain.compactMap {
      compiler.repository.environment(named: $0)?.directory
    }
    do {
      var sharedPaths = ["kiln.yaml"]
      var texts: [String: String] = [:]
      for root in ["templates", "overlays"] {
        for path in try source.filePaths(under: root) ?? [] {
          sharedPaths.append(path)
          texts[path] = String(decoding: try source.readFile(path) ?? [], as: UTF8.self)
        }
      }
      var variableFiles: [(String, [String: [TreeEntry]])] = []
      var everyVariableFile: [String] = []
      var variablesReadHosts = false
      for directory in directories {
        for path in try source.filePaths(under: directory) ?? [] {
          let relative = path.dropFirst(directory.count + 1)
          if relative.hasPrefix("group_vars/") || relative.hasPrefix("host_vars/") {
            everyVariableFile.append(path)
            let text = String(decoding: try source.readFile(path) ?? [], as: UTF8.self)
            if text.contains("hostvars") { variablesReadHosts = true }
          } else {
            sharedPaths.append(path)
          }
        }
        for kind in ["group_vars", "host_vars"] {
          let entries = try source.listDirectory("\(directory)/\(kind)") ?? []
          variableFiles.append(
            ("\(directory)/\(kind)", Dictionary(grouping: entries) { Self.stem($0.name) }))
        }
      }
      if texts.values.contains(where: { $0.contains("lookup(") }) {
        sharedPaths = try source.filePaths(under: "") ?? sharedPaths
      }
      let hostvarsServices = compiler.repository.services.filter { service in
        compiler.variableUses(of: service).contains { file in
          file.uses.contains { $0.name == "hostvars" }
        }
      }.map(\.name)
      let hostvarsOverlays = compiler.repository.overlays.map(\.directory).filter { directory in
        texts.contains { path, text in path.hasPrefix(directory + "/") && text.contains("hostvars")
        }
      }
      var readers: [String: Bool] = [:]
      for host in compiler.environment.hosts {
        readers[host] =
          compiler.environment.services(onHost: host).contains {
            hostvarsServices.contains($0.name)
          }
          || compiler.environment.overlays(forHost: host).contains {
            hostvarsOverlays.contains($0.directory)
          }
      }
      self.readers = readers
      self.variableFiles = variableFiles
      self.everyVariableFile = everyVariableFile
      self.variablesReadHosts = variablesReadHosts
      var hasher = SHA256()
      for line in salt + (try Self.identities(of: sharedPaths, in: source)) {
        hasher.update(data: Array((line + "\n").utf8))
      }
      self.shared = Digest.hex(hasher.finalize())
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
  }

  /// The key of `host`'s render.
  func key(host: String, allVariables: [String]) throws(DiagnosticsError) -> String {
    var hasher = SHA256()
    hasher.update(data: Array("shared \(shared)\n".utf8))
    let own: [String]
    do {
      own = try Self.identities(of: variablePaths(of: host), in: source)
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
    hasher.update(data: Array("host \(host)\n".utf8))
    for line in readsOtherHosts(host) ? allVariables : own {
      hasher.update(data: Array((line + "\n").utf8))
    }
    return Digest.hex(hasher.finalize())
  }

  /// The identities of every variable file of the chain (computed once per compile, only when
  /// a host reads other hosts).
  func allVariableIdentities() throws(DiagnosticsError) -> [String] {
    do {
      return try Self.identities(of: everyVariableFile, in: source)
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
  }

  /// Whether the host's render may read another host's variables.
  func readsOtherHosts(_ host: String) -> Bool {
    variablesReadHosts || readers[host] ?? true
  }

  /// The variable files that apply to `host`: `all`, its groups, its own host_vars.
  private func variablePaths(of host: String) -> [String] {
    let groups = ["all"] + compiler.environment.groupNames(ofHost: host)
    var paths: [String] = []
    for (directory, byStem) in variableFiles {
      let names = directory.hasSuffix("host_vars") ? [host] : groups
      let entries = names.flatMap { byStem[$0] ?? [] }.sorted {
        $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
      }
      for entry in entries {
        paths.append(directory + "/" + entry.name + (entry.kind == .directory ? "/" : ""))
      }
    }
    return paths
  }

  private static func stem(_ name: String) -> String {
    for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
      return String(name.dropLast(suffix.count))
    }
    return name
  }

  /// `path blob-id` lines; a path ending in `/` stands for every file below it.
  static func identities(of paths: [String], in source: any SourceTree) throws(GitError)
    -> [String]
  {
    var lines: [String] = []
    for path in paths {
      if path.hasSuffix("/") {
        for file in try source.filePaths(under: String(path.dropLast())) ?? [] {
          lines.append("\(file) \(try source.contentID(file) ?? "-")")
        }
      } else {
        lines.append("\(path) \(try source.contentID(path) ?? "-")")
      }
    }
    return lines
  }
}
