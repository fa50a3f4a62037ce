import KilnDiagnostics

/// Reads YAML text into located node trees with libyaml.
///
/// YAML 1.2 core schema; aliases resolve to the anchored node and `<<` merge keys are applied;
/// duplicate keys, unknown tags and syntax errors are `YAMLError`s with file:line:column and a
/// hint. Nesting deeper than 256 levels and alias expansion beyond 5 million nodes are errors,
/// so no input exhausts the stack or memory. Safe to call from many tasks at once.
public enum YAMLParser {
  /// Parses exactly one document (an empty file gives a null root); more than one is an error.
  public static func parse(_ text: String, file: String) throws(YAMLError) -> YAMLDocument {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(YAMLError) in try single(buffer, file: file) }
    }
    return try result.get()
  }

  /// Parses exactly one document from UTF-8 bytes; invalid UTF-8 is a located error.
  public static func parse(bytes: [UInt8], file: String) throws(YAMLError) -> YAMLDocument {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(YAMLError) in try single(buffer, file: file) }
    }
    return try result.get()
  }

  /// Parses a stream of documents.
  public static func parseAll(_ text: String, file: String) throws(YAMLError) -> [YAMLDocument] {
    var text = text
    let result = text.withUTF8 { buffer in
      Result { () throws(YAMLError) in try documents(buffer, file: file, limit: nil) }
    }
    return try result.get()
  }

  /// Parses a stream of documents from UTF-8 bytes.
  public static func parseAll(bytes: [UInt8], file: String) throws(YAMLError) -> [YAMLDocument] {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(YAMLError) in try documents(buffer, file: file, limit: nil) }
    }
    return try result.get()
  }

  private static func single(_ buffer: UnsafeBufferPointer<UInt8>, file: String)
    throws(YAMLError) -> YAMLDocument
  {
    let found = try documents(buffer, file: file, limit: 1)
    if let first = found.first { return first }
    let empty = YAMLNode(
      .scalar(YAMLScalar(plain: "")), location: SourceLocation(file: file, line: 1, column: 1))
    return YAMLDocument(root: empty)
  }

  /// The text after a leading UTF-8 byte order mark, so that columns on line 1 count as an
  /// editor shows them.
  private static func withoutByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>)
    -> UnsafeBufferPointer<UInt8>
  {
    guard buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF else {
      return buffer
    }
    return UnsafeBufferPointer(rebasing: buffer[3...])
  }

  /// Every document of the stream; with a `limit`, a document beyond it is a KLN104 error.
  private static func documents(_ buffer: UnsafeBufferPointer<UInt8>, file: String, limit: Int?)
    throws(YAMLError) -> [YAMLDocument]
  {
    let reader = EventReader(input: withoutByteOrderMark(buffer), file: file)
    var documents: [YAMLDocument] = []
    var firstStart: SourceLocation?
    while true {
      switch try reader.next() {
      case .documentStart(let mark):
        let start = SourceLocation(file: file, line: mark.line, column: mark.column)
        if let limit, documents.count >= limit, let firstStart {
          throw YAMLDiagnostics.secondDocument(at: start, first: firstStart)
        }
        firstStart = firstStart ?? start
        var builder = DocumentBuilder(file: file)
        let root = try builder.build(from: reader, start: mark)
        documents.append(YAMLDocument(root: root, warnings: builder.warnings))
      case .streamEnd:
        return documents
      default:
        continue
      }
    }
  }
}
