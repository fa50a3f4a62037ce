import Foundation
import KilnBundle
import KilnCompiler
import KilnModel
import Testing

@testable import KilnExecutor

/// Signed bundles made in memory (no repository), temporary directories and tree snapshots for
/// the executor tests.
enum BundleFactory {
  static let key = (try? SigningKey(seed: [UInt8](repeating: 7, count: 32))) ?? SigningKey()
  static let stagingKey = (try? SigningKey(seed: [UInt8](repeating: 8, count: 32))) ?? SigningKey()

  static let policy = TrustPolicy(
    keys: [
      .init(name: "release", publicKey: key.publicKey, environments: ["prod", "staging"]),
      .init(name: "ci", publicKey: stagingKey.publicKey, environments: ["staging"]),
    ],
    thresholds: ["prod": 1, "staging": 1])

  static let hosts: [RolloutPlan.Host] = [
    .init(name: "ctl01", groups: ["control"]), .init(name: "ctl02", groups: ["control"]),
    .init(name: "cmp01", groups: ["compute"]), .init(name: "cmp02", groups: ["compute"]),
  ]

  /// A plan: canary cmp01, then batches of one per group, control first; `checks` as health.
  static func plan(env: String = "prod", checks: [RolloutPlan.HealthCheck] = [])
    -> RolloutPlan
  {
    RolloutPlan(
      env: env, hosts: hosts, canary: ["cmp01"], batch: [.count(1)],
      order: ["control", "compute"], health: RolloutPlan.Health(timeout: 5, checks: checks))
  }

  /// The files of `hosts` at `generation`: each host gets a service config and, on
  /// controllers, a second one that exists only from generation 2 on.
  static func files(generation: Int) -> [RenderedFile] {
    var files: [RenderedFile] = []
    for host in hosts.map(\.name) {
      files.append(
        RenderedFile(
          host: host, path: "mariadb/galera.cnf",
          contents: Array("[mysqld]\n# \(host) generation \(generation)\n".utf8), mode: 0o640,
          service: "mariadb", format: "ini", isSecret: false))
      if host.hasPrefix("ctl") && generation >= 2 {
        files.append(
          RenderedFile(
            host: host, path: "rabbitmq/rabbitmq.conf",
            contents: Array("loopback_users.guest = false\n".utf8), mode: 0o600,
            service: "rabbitmq", format: "rabbitmq", isSecret: true))
      }
    }
    return files
  }

  /// A signed bundle of `files(generation:)` with `plan`, version `version`.
  static func input(
    generation: Int, version: UInt64, plan: RolloutPlan = plan(), signer: SigningKey = key,
    files: [RenderedFile]? = nil, extra: [TarEntry] = []
  ) throws -> BundleInput {
    let files = files ?? Self.files(generation: generation)
    let commit = String(repeating: String(generation), count: 40)
    var entries = BundleSealer.contentEntries(
      environment: plan.env, source: "commit \(commit)", files: files)
    entries.append(TarEntry(path: RolloutPlan.archivePath, mode: 0o644, contents: plan.json))
    entries += extra
    let archive = try TarWriter.archive(entries, modificationTime: 1_767_225_600)
    let facts = PolicyFacts(
      env: plan.env, version: version, expires: "2099-01-01T00:00:00Z", commit: commit,
      repository: "example", kiln: "0.1.0")
    let sealed = BundleSealer.sign(
      archive: archive, facts: facts, name: "b.kiln", key: signer, fileCount: files.count)
    return BundleInput(
      archive: archive, archiveName: "b.kiln", envelope: Array(sealed.envelope.json.utf8),
      minisigns: [(name: "b.kiln.minisig", text: sealed.minisign.fileText)])
  }

  /// What each host's root must hold at `generation`: path → bytes.
  static func expectedTree(_ host: String, generation: Int) -> [String: [UInt8]] {
    var tree: [String: [UInt8]] = [:]
    for file in files(generation: generation) where file.host == host {
      tree[file.path] = file.contents
    }
    return tree
  }

  /// Every regular file under `root` (following the root itself when it is a symlink), as
  /// relative path → bytes.
  static func tree(_ root: String) -> [String: [UInt8]] {
    let base =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: root)).map {
        $0.hasPrefix("/") ? $0 : DurableFiles.parent(of: root) + "/" + $0
      } ?? root
    var result: [String: [UInt8]] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [:] }
    for case let path as String in enumerator {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        result[path] = DurableFiles.read(base + "/" + path)
      }
    }
    return result
  }

  /// Every entry under `root` without following links: path → bytes, or `-> target` for links,
  /// or `/` for directories; for byte-identical comparisons of a state directory.
  static func snapshot(_ root: String) -> [String: String] {
    var result: [String: String] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [:] }
    for case let path as String in enumerator {
      let full = root + "/" + path
      if let target = DurableFiles.linkTarget(full) {
        result[path] = "-> " + target
      } else if let bytes = DurableFiles.read(full) {
        result[path] = Digest.sha256Hex(bytes)
      } else {
        result[path] = "/"
      }
    }
    return result
  }

  /// Collects events from the executor.
  final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ApplyEvent] = []
    var all: [ApplyEvent] { lock.withLock { stored } }
    var report: @Sendable (ApplyEvent) -> Void {
      { event in self.lock.withLock { self.stored.append(event) } }
    }
  }
}
