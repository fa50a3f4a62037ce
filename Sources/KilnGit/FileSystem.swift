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

  /// The names in the directory at `path`, without `.` and `..`, in no particular order.
  static func names(in path: String, shownAs shown: String) throws(GitError) -> [String] {
    guard let directory = opendir(path) else {
      throw GitError.io("list", path: shown.isEmpty ? "." : shown, errno: errno)
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
