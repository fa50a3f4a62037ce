import KilnDiagnostics

/// A plain text file: its lines, compared line by line.
public struct TextFile: Sendable, Hashable {
  /// The text as decoded.
  public var text: String

  /// Creates a text file.
  public init(text: String) {
    self.text = text
  }

  /// Parses UTF-8 text; invalid UTF-8 is a located KLN301 error.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> TextFile {
    TextFile(text: try SourceLines.text(bytes, file: file))
  }

  /// Path/value pairs for a semantic diff: `line N` → the line's text.
  public func semanticEntries() -> [(path: String, value: String)] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
      ("line \($0.offset + 1)", String($0.element))
    }
  }
}
