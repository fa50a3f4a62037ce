import Crypto
import KilnDiagnostics
import KilnGit
import KilnModel

/// The cache key of each host's render: a SHA-256 over the git blob ids of every input the
/// render can read, the Kiln version and anything else that changes renders. A change that can
/// affect a host's output must change its key: `kiln diff` skips a host whose key is the same
/// at base and head, and the render cache hands back the stored files for a known key.
///
/// What a host's render reads, and so what its key covers:
/// * shared by every host: `kiln.yaml`, every file of `templates/` and `overlays/`, and every
///   file of each environment of the chain except `group_vars/` and `host_vars/` (env.yaml,
///   inventory, secrets), plus the salt (Kiln version, environment, services, `--set`);
/// * the host's own variable files: `group_vars` of `all` and of each of its groups, and its
///   `host_vars`, in every environment of the chain (a file `<name>.yaml`/`.yml` or every file
///   of a directory `<name>/`);
/// * the variable files of every host, when the host can read other hosts' variables: a
///   template of one of its services, or one such a template may include, reads `hostvars`
///   (found from the templates' syntax, `variableUses(of:)`), a file of one of its overlays
///   names `hostvars`, or any variable file of the chain does (values are evaluated lazily, so
///   one value can read another host);
/// * the whole repository when any template or overlay file calls `lookup(` (it can read any
///   file).
///
/// Only blob ids are read for variable files (git tree entries, no blob reads); whether a
/// variable file names `hostvars` is remembered per blob id in `HostvarsMentions`, so a run
/// reads only the variable files it has not seen before.
struct RenderInputKeys {
  private let compiler: EnvironmentCompiler
  /// SHA-256 over the salt and the identities of the inputs every host shares.
  private let shared: String
  /// Per group_vars/host_vars directory of the chain, the `path blob-id` lines of each group
  /// or host name (files of a `<name>/` directory included), sorted by path, as bytes.
  private let variableLines: [(isHostVars: Bool, byStem: [String: [UInt8]])]
  /// The blob id of every input file identified, by path.
  let identified: [String: String]
  /// SHA-256 over the identities of every variable file of the chain.
  private let allVariables: String
  /// The hosts whose templates or overlays read `hostvars`.
  private let readers: Set<String>
  private let variablesReadHosts: Bool

  /// Lists and identifies the inputs of `compiler`'s environment once; `salt` holds the Kiln
  /// version and everything else that changes renders (the `--set` assignments, services).
  init(compiler: EnvironmentCompiler, salt: [String], mentions: HostvarsMentions)
    throws(DiagnosticsError)
  {
    self.compiler = compiler
    let source = compiler.source
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
      var variableLines: [(Bool, [String: [UInt8]])] = []
      var allVariables = SHA256()
      var variablesReadHosts = false
      var identified: [String: String] = [:]
      for directory in directories {
        var byKind: [String: [String: [UInt8]]] = ["group_vars": [:], "host_vars": [:]]
        for path in try source.filePaths(under: directory) ?? [] {
          let relative = path.dropFirst(directory.count + 1).split(
            separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
          let kind = String(relative[0])
          guard relative.count > 1, byKind[kind] != nil else {
            sharedPaths.append(path)
            continue
          }
          let found = try source.contentID(path)
          if let found { identified[path] = found }
          let id = found ?? "-"
          let line = Array("\(path) \(id)\n".utf8)
          allVariables.update(data: line)
          byKind[kind, default: [:]][
            Self.stem(relative[1], isFile: relative.count == 2),
            default: []
          ].append(contentsOf: line)
          if try mentions.mentionsHostvars(
            id: id,
            read: { () throws(GitError) in
              try source.readFile(path)
            })
          {
            variablesReadHosts = true
          }
        }
        variableLines.append((false, byKind["group_vars"] ?? [:]))
        variableLines.append((true, byKind["host_vars"] ?? [:]))
      }
      if texts.values.contains(where: { $0.contains("lookup(") }) {
        sharedPaths = try source.filePaths(under: "") ?? sharedPaths
      }
      self.readers = Self.readers(of: compiler, texts: texts)
      self.variableLines = variableLines
      self.allVariables = Digest.hex(allVariables.finalize())
      self.variablesReadHosts = variablesReadHosts
      var hasher = SHA256()
      for line in salt {
        hasher.update(data: Array((line + "\n").utf8))
      }
      for path in sharedPaths {
        let id = try source.contentID(path)
        if let id { identified[path] = id }
        hasher.update(data: Array("\(path) \(id ?? "-")\n".utf8))
      }
      self.identified = identified
      self.shared = Digest.hex(hasher.finalize())
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
  }

  /// The key of `host`'s render.
  func key(host: String) -> String {
    var hasher = SHA256()
    hasher.update(data: Array("shared \(shared)\nhost \(host)\n".utf8))
    if readsOtherHosts(host) {
      hasher.update(data: Array("all-variables \(allVariables)\n".utf8))
      return Digest.hex(hasher.finalize())
    }
    let groups = ["all"] + compiler.environment.groupNames(ofHost: host)
    for (isHostVars, byStem) in variableLines {
      for name in isHostVars ? [host] : groups {
        if let lines = byStem[name] { hasher.update(data: lines) }
      }
    }
    return Digest.hex(hasher.finalize())
  }

  /// Whether the host's render may read another host's variables.
  func readsOtherHosts(_ host: String) -> Bool {
    variablesReadHosts || readers.contains(host)
  }

  /// The hosts whose services' templates or whose overlays read `hostvars`.
  private static func readers(of compiler: EnvironmentCompiler, texts: [String: String])
    -> Set<String>
  {
    let environment = compiler.environment
    var readers = Set<String>()
    for service in compiler.repository.services
    where compiler.variableUses(of: service).contains(where: { file in
      file.uses.contains { $0.name == "hostvars" }
    }) {
      readers.formUnion(environment.hosts(runningService: service.name))
    }
    let hostvarsOverlays = Set(
      compiler.repository.overlays.map(\.directory).filter { directory in
        texts.contains { path, text in
          path.hasPrefix(directory + "/") && text.contains("hostvars")
        }
      })
    guard !hostvarsOverlays.isEmpty else { return readers }
    for host in environment.hosts
    where environment.overlays(forHost: host).contains(where: {
      hostvarsOverlays.contains($0.directory)
    }) {
      readers.insert(host)
    }
    return readers
  }

  /// The group or host a variable directory entry belongs to: a file's name without
  /// `.yaml`/`.yml`, a directory's name.
  private static func stem(_ name: Substring, isFile: Bool) -> String {
    if isFile {
      for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
        return String(name.dropLast(suffix.count))
      }
    }
    return String(name)
  }
}
