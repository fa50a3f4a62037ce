/// A location in a template: file, 1-based line and column, UTF-8 byte offset and length.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
  /// The template name or path.
  public var file: String
  /// The 1-based line.
  public var line: Int
  /// The 1-based column, counted in characters.
  public var column: Int
  /// The UTF-8 byte offset from the start of the template.
  public var offset: Int
  /// The length in UTF-8 bytes.
  public var length: Int

  /// Creates a span.
  public init(file: String, line: Int, column: Int, offset: Int, length: Int) {
    self.file = file
    self.line = line
    self.column = column
    self.offset = offset
    self.length = length
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}
