/// The rule for paths inside a bundle: relative, `/`-separated, no empty, `.` or `..` parts.
enum TarPath {
  /// Whether `path` may appear in a bundle archive.
  static func isSafe(_ path: String) -> Bool {
    if path.isEmpty || path.hasPrefix("/") || path.utf8.contains(0) || path.contains("\\") {
      return false
    }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
      !$0.isEmpty && $0 != "." && $0 != ".."
    }
  }
}
