#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the working-tree source needs, with errors that name the path.
enum FileSystem {
  /// The kind of the entry at `path` without following links; nil if it does not exist or is
  /// not a file, link or directory. `shown` is the path used in messages.
  static func kind(of path: String, shownAs shown: String) throws(GitError) -> TreeEntry.Kind? {
    var status = stat()
    guard lstat(path, &status) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { return nil }
      throw GitError.io("inspect", path: shown, errno: code)
    }
    return kind(of: status)
  }

  private static func kind(of status: stat) -> TreeEntry.Kind? {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return status.st_mode & S_IXUSR != 0 ? .executable : .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return nil
    }
  }

  /// The whole content of the regular file at `path`, never following a final link.
  static func readFile(_ path: String, shownAs shown: String) throws(GitError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { throw GitError.io("open", path: shown, errno: errno) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count == 0 { return bytes }
      if count < 0 {
        if errno == EINTR { continue }
        throw GitError.io("read", path: shown, errno: errno)
      }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// The target text of the symbolic link at `path`.
  static func readLink(_ path: String, shownAs shown: String) throws(GitError) -> [UInt8] {
    var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = buffer.withUnsafeMutableBytes { raw -> Int in
      guard let start = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return -1 }
      return readlink(path, start, raw.count)
    }
    guard count >= 0 else { throw GitError.io("read link", path: shown, errno: errno) }
    return Array(buffer[0..<count])
  }

  /// The entries of the directory at `path` (files, links and directories, without `.`, `..`
  /// and `skipped`), in no particular order. Each is inspected relative to the open directory,
  /// so an estate's thousands of host_vars files cost one short lookup each.
  static func entries(in path: String, skipping skipped: String, shownAs shown: String)
    throws(GitError) -> [TreeEntry]
  {
    guard let directory = opendir(path) else {
      throw GitError.io("list", path: shown.isEmpty ? "." : shown, errno: errno)
    }
    defer { closedir(directory) }
    let descriptor = dirfd(directory)
    var entries: [TreeEntry] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard name != "." && name != ".." && name != skipped else { continue }
      var status = stat()
      guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
        let code = errno
        if code == ENOENT { continue }
        throw GitError.io("inspect", path: shown.isEmpty ? name : shown + "/" + name, errno: code)
      }
      if let kind = kind(of: status) { entries.append(TreeEntry(name: name, kind: kind)) }
    }
    return entries
  }
}
