import Foundation
import KilnBundle

/// The `copy` driver: `ROOT/<host>` is a symlink switched atomically (rename) to
/// `ROOT/.kiln/<host>/<digest>/`, which holds exactly that host's files (design §7). For tests
/// and pull-based hosts.
public struct CopyDriver: Driver {
  /// The directory holding one root per host.
  public let root: String

  /// A copy driver installing under `root`.
  public init(root: String) {
    self.root = URL(fileURLWithPath: root).standardizedFileURL.path
  }

  /// `copy`.
  public var name: String { "copy" }

  /// `ROOT/<host>`.
  public func hostLink(_ host: String) -> String { root + "/" + host }

  /// `ROOT/.kiln/<host>/<digest>`.
  public func releaseDirectory(host: String, digest: String) -> String {
    root + "/.kiln/" + host + "/" + digest
  }

  /// Installs each host in turn; a host that fails keeps what it had.
  public func install(_ release: Release?, hosts: [String], context: DriverContext)
    throws(ExecutorError) -> [String: String]
  {
    try DurableFiles.makeDirectory(root)
    var failed: [String: String] = [:]
    for host in hosts {
      do {
        let detail = try install(release, host: host, context: context)
        context.emit(host, detail)
      } catch {
        failed[host] = error.message
        context.emit(host, "failed: \(error.message)")
      }
    }
    return failed
  }

  private func install(_ release: Release?, host: String, context: DriverContext)
    throws(ExecutorError) -> String
  {
    guard let release, release.contains(host: host) else {
      try DurableFiles.remove(hostLink(host))
      return "removed (no previous release)"
    }
    let target = releaseDirectory(host: host, digest: release.digest)
    let files = release.files(of: host)
    if !DurableFiles.exists(target) {
      let temporary = DurableFiles.sibling(target, "staging")
      try DurableFiles.removeTree(temporary)
      try DurableFiles.makeDirectory(temporary)
      var directories: Set<String> = [temporary]
      for file in files {
        let path = temporary + "/" + file.path
        let parent = DurableFiles.parent(of: path)
        if directories.insert(parent).inserted { try DurableFiles.makeDirectory(parent) }
        try DurableFiles.write(
          context.installable(file, of: release), to: path, mode: DriverContext.mode(of: file))
      }
      for directory in directories.sorted(by: { $0.count > $1.count }) {
        try DurableFiles.syncDirectory(directory)
      }
      try DurableFiles.rename(temporary, to: target)
    }
    let relative = ".kiln/" + host + "/" + release.digest
    if DurableFiles.linkTarget(hostLink(host)) == relative {
      return "already on \(release.digest.prefix(12))"
    }
    try DurableFiles.switchLink(hostLink(host), to: relative)
    return "switched to \(release.digest.prefix(12)) (\(files.count) files)"
  }

  /// Removes `ROOT/.kiln/<host>/<digest>` directories of releases not in `keep`.
  public func prune(keeping keep: Set<String>) {
    let base = root + "/.kiln"
    let hosts = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
    for host in hosts.sorted() {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: base + "/" + host)) ?? []
      for entry in entries.sorted() where !keep.contains(entry) {
        try? DurableFiles.removeTree(base + "/" + host + "/" + entry)
      }
    }
  }
}
