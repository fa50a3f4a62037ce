import KilnDiagnostics

/// A scanner over a text's Unicode scalars that keeps the line and column (1-based) of the
/// scalar it is at, for the hand-written lexers and parsers of this module.
protocol ScalarScanning {
  /// The text being scanned.
  var scalars: [Unicode.Scalar] { get }
  /// The file the text came from, for locations.
  var file: String { get }
  /// The position of the next scalar.
  var index: Int { get set }
  /// The line of the next scalar.
  var line: Int { get set }
  /// The column of the next scalar.
  var column: Int { get set }
}

extension ScalarScanning {
  /// The next scalar, or `nil` at the end.
  var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  /// The scalar `offset` places after the next one, or `nil` past the end.
  func peek(_ offset: Int) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  /// The location of the next scalar.
  var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  /// Moves past the next scalar, onto a new line after a line feed.
  mutating func advance() {
    if scalars[index] == "\n" {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }
}
