/// The kind of a lexer token.
enum TokenKind: Equatable {
  case data, variableBegin, variableEnd, blockBegin, blockEnd
  case name, string, integer, float, op, eof
}

/// One lexer token with its UTF-8 byte range in the template.
struct Token {
  var kind: TokenKind
  /// Data text, name, decoded string literal or operator.
  var text: String
  var integer: Int = 0
  var float: Double = 0
  var offset: Int
  var length: Int

  /// Whether the token is the operator `op`.
  func isOp(_ op: String) -> Bool { kind == .op && text == op }

  /// Whether the token is the name `name`.
  func isName(_ name: String) -> Bool { kind == .name && text == name }

  /// A short description for error messages.
  var display: String {
    switch kind {
    case .data: return "template data"
    case .variableBegin: return "'{{'"
    case .variableEnd: return "'}}'"
    case .blockBegin: return "'{%'"
    case .blockEnd: return "'%}'"
    case .name: return "'\(text)'"
    case .string: return "string"
    case .integer: return "integer"
    case .float: return "float"
    case .op: return "'\(text)'"
    case .eof: return "end of template"
    }
  }
}

/// Maps UTF-8 byte offsets to 1-based lines and columns.
struct LineTable: Sendable {
  let file: String
  private let lineStarts: [Int]
  private let bytes: [UInt8]

  init(file: String, bytes: [UInt8]) {
    self.file = file
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      starts.append(offset + 1)
    }
    lineStarts = starts
  }

  /// The span of `length` bytes at `offset`.
  func span(_ offset: Int, _ length: Int = 0) -> SourceSpan {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    var column = 1
    var position = lineStarts[low]
    let end = min(offset, bytes.count)
    while position < end {
      if bytes[position] & 0xC0 != 0x80 { column += 1 }
      position += 1
    }
    return SourceSpan(file: file, line: low + 1, column: column, offset: offset, length: length)
  }

  /// The source text of a byte range.
  func text(_ offset: Int, _ length: Int) -> String {
    let start = max(0, min(offset, bytes.count))
    let end = max(start, min(offset + length, bytes.count))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
