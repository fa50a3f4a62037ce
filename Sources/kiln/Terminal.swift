#if canImport(Glibc)
  import Glibc
#endif

/// Writes to standard output and standard error.
enum Terminal {
  static func output(_ text: String, newline: Bool = true) {
    fputs(newline ? text + "\n" : text, stdout)
  }

  static func error(_ text: String, newline: Bool = true) {
    fputs(newline ? text + "\n" : text, stderr)
  }
}
