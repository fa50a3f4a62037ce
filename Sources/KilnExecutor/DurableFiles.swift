import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// File system steps that survive a crash: every write is fsynced with its directory, and
/// every replacement is a rename.
public enum DurableFiles {
  /// Writes `bytes` to `path` (created or truncated) with `mode`, then fsyncs the file.
  public static func write(_ bytes: [UInt8], to path: String, mode: UInt16) throws(ExecutorError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(mode))
    guard descriptor >= 0 else { throw .io("create", path) }
    defer { close(descriptor) }
    fchmod(descriptor, mode_t(mode))
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        Glibc.write(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { throw .io("write", path) }
      offset += written
    }
    guard fsync(descriptor) == 0 else { throw .io("fsync", path) }
  }

  /// Writes `bytes` beside `path` and renames it over `path`; fsyncs file and directory.
  public static func replace(_ path: String, with bytes: [UInt8], mode: UInt16 = 0o644)
    throws(ExecutorError)
  {
    let temporary = sibling(path, "tmp")
    try write(bytes, to: temporary, mode: mode)
    try rename(temporary, to: path)
  }

  /// Renames `source` over `destination` and fsyncs the destination's directory.
  public static func rename(_ source: String, to destination: String) throws(ExecutorError) {
    guard Glibc.rename(source, destination) == 0 else { throw .io("rename", destination) }
    try syncDirectory(parent(of: destination))
  }

  /// Points the symlink `link` at `target` atomically: a new link beside it renamed over it.
  public static func switchLink(_ link: String, to target: String) throws(ExecutorError) {
    let temporary = sibling(link, "link")
    unlink(temporary)
    guard symlink(target, temporary) == 0 else { throw .io("symlink", temporary) }
    try rename(temporary, to: link)
  }

  /// The target of the symlink at `path`, or nil when there is none.
  public static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Removes the symlink or file at `path` (if any) and fsyncs its directory.
  public static func remove(_ path: String) throws(ExecutorError) {
    guard unlink(path) == 0 || errno == ENOENT else { throw .io("unlink", path) }
    try syncDirectory(parent(of: path))
  }

  /// Creates `path` and its missing parents, fsyncing each parent it adds a directory to.
  public static func makeDirectory(_ path: String) throws(ExecutorError) {
    var info = stat()
    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
    let up = parent(of: path)
    if up != path && !up.isEmpty { try makeDirectory(up) }
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw .io("mkdir", path) }
    try syncDirectory(up)
  }

  /// fsyncs the directory at `path`, so the names in it are durable.
  public static func syncDirectory(_ path: String) throws(ExecutorError) {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw .io("open directory", path) }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw .io("fsync", path) }
  }

  /// Removes a directory tree (a release no longer kept, a leftover temporary directory).
  public static func removeTree(_ path: String) throws(ExecutorError) {
    guard exists(path) else { return }
    do {
      try FileManager.default.removeItem(atPath: path)
    } catch {
      throw .io("remove", path)
    }
  }

  /// Whether anything (file, directory or link) is at `path`.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
  }

  /// The file's bytes, or nil when it cannot be read.
  public static func read(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { Array($0) }
  }

  /// The directory part of `path`.
  public static func parent(of path: String) -> String {
    URL(fileURLWithPath: path).deletingLastPathComponent().path
  }

  /// A temporary name beside `path`, unique to this process.
  static func sibling(_ path: String, _ label: String) -> String {
    let url = URL(fileURLWithPath: path)
    return url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(label)-\(getpid())"
    ).path
  }
}
