/// A position in a source file: the file's path as the repository names it, and a 1-based
/// line and column.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Path relative to the repository root (or as given on the command line).
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column number (in Unicode scalars).
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// A location that names a whole file rather than a position in it.
  public static func file(_ path: String) -> SourceLocation {
    SourceLocation(file: path, line: 0, column: 0)
  }

  /// `file:line:column`, or just `file` for a whole-file location.
  public var description: String {
    line == 0 ? file : "\(file):\(line):\(column)"
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
