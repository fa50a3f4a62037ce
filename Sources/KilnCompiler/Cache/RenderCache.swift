import Foundation
import KilnDiagnostics

/// A directory of per-host renders keyed by the git blob ids of every input the render read
/// plus the Kiln version (see `RenderInputKeys`): an unchanged host is read back instead of
/// rendered. Deleting the directory is always safe, and a cached result is byte-identical to
/// a fresh render.
public struct RenderCache: Sendable {
  /// The cache directory (`.kiln/cache` by default).
  public let directory: String
  /// The Kiln version, part of every key.
  public let toolVersion: String

  /// A cache in `directory` for renders made by Kiln `toolVersion`.
  public init(directory: String, toolVersion: String) {
    self.directory = directory
    self.toolVersion = toolVersion
  }

  /// What a cached compile did.
  public struct Statistics: Sendable, Hashable {
    /// Hosts read from the cache.
    public var hits: Int
    /// Hosts rendered (and stored).
    public var misses: Int

    /// Creates statistics.
    public init(hits: Int, misses: Int) {
      self.hits = hits
      self.misses = misses
    }
  }

  /// Compiles `selection` with `compiler`, reading unchanged hosts from the cache and storing
  /// the others; `salt` lists whatever else changes renders (e.g. the `--set` assignments).
  /// A host whose render fails is reported in the result's failures and never stored.
  public func compile(
    _ compiler: EnvironmentCompiler, selection: RenderSelection = .all, salt: [String] = []
  ) async throws(DiagnosticsError) -> (PartialCompileResult, Statistics) {
    let mentions = hostvarsMentions()
    let keys = try RenderKeys(
      compiler: compiler, selection: selection, toolVersion: toolVersion, salt: salt,
      mentions: mentions)
    mentions.save()
    return try await compile(
      compiler, hosts: keys.hosts, keys: keys, services: selection.services)
  }

  /// Compiles `hosts` (each must have a key in `keys`; an empty list renders nothing) for
  /// `services` (empty: every service), reading the hosts stored under their key and
  /// rendering and storing the others.
  public func compile(
    _ compiler: EnvironmentCompiler, hosts: [String], keys: RenderKeys, services: [String]
  ) async throws(DiagnosticsError) -> (PartialCompileResult, Statistics) {
    let cached = await loadAll(hosts, keys: keys)
    let missing = hosts.filter { cached[$0] == nil }
    var partial = PartialCompileResult.empty(compiler, services: services)
    if !missing.isEmpty {
      partial = try await compiler.compilePartially(
        selection: RenderSelection(hosts: missing, services: services))
      var byHost: [String: [RenderedFile]] = [:]
      for file in partial.result.files { byHost[file.host, default: []].append(file) }
      let failed = Set(partial.failedHosts)
      for host in partial.result.hosts where !failed.contains(host) {
        if let key = keys.byHost[host] { store(byHost[host] ?? [], host: host, key: key) }
      }
    }
    let rendered = Set(partial.result.hosts).union(cached.keys)
    partial.result.hosts = hosts.filter { rendered.contains($0) }
    partial.result.files = (partial.result.files + cached.values.flatMap { $0 })
      .sortedForOutput()
    return (partial, Statistics(hits: cached.count, misses: missing.count))
  }

  /// The memo of which variable files name `hostvars`, kept in the cache directory.
  public func hostvarsMentions() -> HostvarsMentions {
    HostvarsMentions(file: "\(directory)/hostvars-v1")
  }

  /// Whether a render is stored under `key` (checked without reading it).
  public func contains(key: String) -> Bool {
    access(entryPath(key), F_OK) == 0
  }

  /// The stored renders of `hosts`, read and decoded on every core.
  private func loadAll(_ hosts: [String], keys: RenderKeys) async -> [String: [RenderedFile]] {
    let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let chunk = max(1, (hosts.count + width - 1) / width)
    return await withTaskGroup(of: [(String, [RenderedFile])].self) { group in
      for start in stride(from: 0, to: hosts.count, by: chunk) {
        let slice = hosts[start..<min(hosts.count, start + chunk)]
        group.addTask {
          slice.compactMap { host in
            keys.byHost[host].flatMap { load(key: $0, host: host) }.map { (host, $0) }
          }
        }
      }
      var cached: [String: [RenderedFile]] = [:]
      for await found in group {
        for (host, files) in found { cached[host] = files }
      }
      return cached
    }
  }

  private func entryPath(_ key: String) -> String {
    "\(directory)/render-v1/\(key.prefix(2))/\(key).json"
  }

  private func load(key: String, host: String) -> [RenderedFile]? {
    guard let data = FileManager.default.contents(atPath: entryPath(key)),
      let entry = try? JSONDecoder().decode(CacheEntry.self, from: data), entry.host == host
    else {
      return nil
    }
    return entry.files.map { $0.rendered(host: host) }
  }

  /// Writes beside the final name, then renames, so a reader never sees half an entry; a
  /// cache that cannot be written only costs time.
  private func store(_ files: [RenderedFile], host: String, key: String) {
    let path = entryPath(key)
    let folder = (path as NSString).deletingLastPathComponent
    guard
      let data = try? JSONEncoder().encode(
        CacheEntry(host: host, files: files.map(CacheEntry.File.init)))
    else {
      return
    }
    let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier).tmp"
    do {
      try FileManager.default.createDirectory(
        atPath: folder, withIntermediateDirectories: true)
      try data.write(to: URL(fileURLWithPath: temporary))
      _ = rename(temporary, path)
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
    }
  }
}

/// One host's cached files, as stored on disk.
struct CacheEntry: Codable {
  struct File: Codable {
    var path: String
    var contents: Data
    var mode: UInt16
    var service: String
    var format: String
    var isSecret: Bool

    init(_ file: RenderedFile) {
      path = file.path
      contents = Data(file.contents)
      mode = file.mode
      service = file.service
      format = file.format
      isSecret = file.isSecret
    }

    func rendered(host: String) -> RenderedFile {
      RenderedFile(
        host: host, path: path, contents: Array(contents), mode: mode, service: service,
        format: format, isSecret: isSecret)
    }
  }

  var host: String
  var files: [File]
}
