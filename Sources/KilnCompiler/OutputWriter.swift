import Foundation
import KilnDiagnostics
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a complete set of rendered files to a directory, replacing what was there atomically:
/// everything is written beside the target first, then swapped in with one rename, so a reader
/// sees the old tree or the new one and never a mixture, and a failure leaves the old tree intact.
public struct OutputWriter: Sendable {
  /// The directory to create or replace.
  public var directory: String
  public var layout: OutputLayout

  public init(directory: String, layout: OutputLayout) {
    self.directory = directory
    self.layout = layout
  }

  /// Writes `files` plus `manifest.json` and swaps the result into place.
  public func write(files: [RenderedFile], manifest: [UInt8]) throws(DiagnosticsError) {
    let entries = try plannedEntries(files: files, manifest: manifest)
    let target = URL(fileURLWithPath: directory).standardizedFileURL
    let parent = target.deletingLastPathComponent()
    let name = target.lastPathComponent
    let pid = ProcessInfo.processInfo.processIdentifier
    let staging = parent.appendingPathComponent(".\(name).kiln-new-\(pid)")
    let retired = parent.appendingPathComponent(".\(name).kiln-old-\(pid)")
    let fileManager = FileManager.default
    do {
      try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
      try? fileManager.removeItem(at: staging)
      try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
      try Self.writeInParallel(entries, under: staging.path)
    } catch {
      try? fileManager.removeItem(at: staging)
      throw DiagnosticsError(Self.ioFailure(directory, error))
    }
    do {
      try swapIntoPlace(staging: staging, target: target, retired: retired)
    } catch {
      try? fileManager.removeItem(at: staging)
      throw DiagnosticsError(Self.ioFailure(directory, error))
    }
    try? fileManager.removeItem(at: retired)
  }

  private struct Entry {
    var path: String
    var contents: [UInt8]
    var mode: UInt16
  }

  /// Maps files to output paths and rejects unsafe or colliding ones before anything is written.
  private func plannedEntries(files: [RenderedFile], manifest: [UInt8]) throws(DiagnosticsError)
    -> [Entry]
  {
    var entries = [Entry(path: "manifest.json", contents: manifest, mode: 0o644)]
    var seen: [String: RenderedFile] = [:]
    var problems: [Diagnostic] = []
    for file in files.sortedForOutput() {
      let path = layout.relativePath(of: file)
      if let problem = Self.unsafePathReason(file.path) ?? Self.unsafePathReason(path) {
        problems.append(
          Diagnostic(
            id: "KLN021",
            message: "service \(file.service) renders \(file.path) for \(file.host): \(problem)",
            hint: "use a relative `dest:` without `..` in the service's service.yaml"))
        continue
      }
      if let other = seen[path] {
        problems.append(
          Diagnostic(
            id: "KLN022",
            message:
              "\(path) is rendered twice for \(file.host) (services \(other.service) and \(file.service))",
            hint: "give the two files different `dest:` paths"))
        continue
      }
      seen[path] = file
      entries.append(Entry(path: path, contents: file.contents, mode: file.mode))
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return entries
  }

  static func unsafePathReason(_ path: String) -> String? {
    if path.hasPrefix("/") { return "the path is absolute" }
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    if components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
      return "the path has an empty, `.` or `..` component"
    }
    if path == "manifest.json" { return "the path collides with manifest.json" }
    return nil
  }

  /// Writes `entries` under `root`, one worker per processor. Each top-level directory (a
  /// host, or a service in the kolla layout) is written by one worker, so workers never create
  /// the same directory; creating inodes is most of the cost, and the kernel does it in parallel.
  private static func writeInParallel(_ entries: [Entry], under root: String) throws {
    var groups: [[Entry]] = []
    var lastTop: Substring? = nil
    for entry in entries {
      let top = entry.path.prefix { $0 != "/" }
      if top != lastTop || groups.isEmpty {
        groups.append([])
        lastTop = top
      }
      groups[groups.count - 1].append(entry)
    }
    let groupsToWrite = groups
    let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, groups.count))
    let failure = Mutex<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: width) { worker in
      var directories: Set<String> = [root]
      for index in stride(from: worker, to: groupsToWrite.count, by: width) {
        guard failure.withLock({ $0 == nil }) else { return }
        do {
          for entry in groupsToWrite[index] {
            try writeFile(entry, under: root, knownDirectories: &directories)
          }
        } catch {
          failure.withLock { $0 = $0 ?? error }
          return
        }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
  }

  /// Writes one file with plain POSIX calls: the tree becomes visible only through the final
  /// rename, so per-file durability (FileManager's write-temporary-then-rename) buys nothing.
  private static func writeFile(
    _ entry: Entry, under root: String, knownDirectories: inout Set<String>
  )
    throws
  {
    let path = root + "/" + entry.path
    let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    try makeDirectory(directory, knownDirectories: &knownDirectories)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(entry.mode))
    guard descriptor >= 0 else { throw Self.posixError(path) }
    defer { close(descriptor) }
    var offset = 0
    while offset < entry.contents.count {
      let written = entry.contents[offset...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Self.posixError(path)
      }
      offset += written
    }
    // open() applies the umask; the manifest's mode is the file's mode.
    guard fchmod(descriptor, mode_t(entry.mode)) == 0 else { throw Self.posixError(path) }
  }

  /// `mkdir -p` for `directory`, skipping those this worker already made or found. Parents are
  /// made first, so no `mkdir` fails for a missing parent.
  private static func makeDirectory(_ directory: String, knownDirectories: inout Set<String>)
    throws
  {
    guard !knownDirectories.contains(directory) else { return }
    let parent = String(directory[..<(directory.lastIndex(of: "/") ?? directory.startIndex)])
    if !parent.isEmpty, parent != directory {
      try makeDirectory(parent, knownDirectories: &knownDirectories)
    }
    guard mkdir(directory, 0o777) == 0 || errno == EEXIST else {
      throw Self.posixError(directory)
    }
    knownDirectories.insert(directory)
  }

  private static func posixError(_ path: String) -> any Error {
    let reason = String(cString: strerror(errno))
    return CocoaError(
      .fileWriteUnknown,
      userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "\(path): \(reason)"])
  }

  /// Exchanges the staging directory with the target in one step where the kernel allows it.
  private func swapIntoPlace(staging: URL, target: URL, retired: URL) throws {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
      try fileManager.moveItem(at: staging, to: target)
      return
    }
    guard isDirectory.boolValue else {
      throw CocoaError(
        .fileWriteFileExists,
        userInfo: [NSFilePathErrorKey: target.path, NSLocalizedDescriptionKey: "not a directory"])
    }
    let contents = try fileManager.contentsOfDirectory(atPath: target.path)
    guard contents.isEmpty || contents.contains("manifest.json") else {
      throw CocoaError(
        .fileWriteFileExists,
        userInfo: [
          NSFilePathErrorKey: target.path,
          NSLocalizedDescriptionKey:
            "it exists and is not a Kiln output directory (no manifest.json); refusing to replace it",
        ])
    }
    try? fileManager.removeItem(at: retired)
    try fileManager.moveItem(at: target, to: retired)
    do {
      try fileManager.moveItem(at: staging, to: target)
    } catch {
      try? fileManager.moveItem(at: retired, to: target)
      throw error
    }
  }

  static func ioFailure(_ directory: String, _ error: any Error) -> Diagnostic {
    let reason =
      (error as NSError).userInfo[NSLocalizedDescriptionKey] as? String
      ?? String(describing: error)
    return Diagnostic(
      id: "KLN020", message: "cannot write the output directory \(directory): \(reason)",
      location: .file(directory),
      hint: "choose another directory with --out, or remove the one in the way")
  }
}
