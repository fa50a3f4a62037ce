import KilnDiagnostics

/// Text decoded from UTF-8 and split into lines of Unicode scalars, the way Python's text-mode
/// `open()` reads a file (universal newlines: `\r\n` and `\r` become `\n`).
struct SourceLines: Sendable {
  /// The lines, without their line breaks; a final line break adds no empty line.
  var lines: [[Unicode.Scalar]]

  /// Decodes `bytes` strictly; an invalid sequence is a located KLN301 error.
  init(_ bytes: [UInt8], file: String) throws(DiagnosticsError) {
    let scalars = try SourceLines.decode(bytes, file: file)
    var lines: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        lines.append(current)
        current = []
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
      } else {
        current.append(scalar)
      }
      index += 1
    }
    if !current.isEmpty { lines.append(current) }
    self.lines = lines
  }

  /// The scalars of `bytes`, or a KLN301 error at the first invalid sequence.
  static func decode(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var line = 1
    var column = 1
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput: break loop
      case .error: throw FormatDiagnostics.badEncoding(file: file, line: line, column: column)
      }
    }
    return scalars
  }

  /// Decodes `bytes` to a `String`, or throws a located KLN301 error.
  static func text(_ bytes: [UInt8], file: String) throws(DiagnosticsError) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: try decode(bytes, file: file))
    return String(view)
  }
}

/// Python's notion of whitespace (`str.isspace()`), used to strip exactly as Python does.
enum PythonWhitespace {
  /// Whether `scalar` is whitespace to Python's `str.strip()`.
  static func contains(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F,
      0x205F, 0x3000:
      true
    default: false
    }
  }

  /// `s.rstrip()`.
  static func rstrip(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var end = s.endIndex
    while end > s.startIndex, contains(s[end - 1]) { end -= 1 }
    return s[s.startIndex..<end]
  }

  /// `s.lstrip()`.
  static func lstrip(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var start = s.startIndex
    while start < s.endIndex, contains(s[start]) { start += 1 }
    return s[start..<s.endIndex]
  }

  /// `s.strip()`.
  static func strip(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    lstrip(rstrip(s))
  }
}

extension String {
  /// A string made of exactly these scalars (no normalisation).
  init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    self = String(view)
  }

  /// Equality by Unicode scalars, as Python compares strings (Swift's `==` would treat
  /// canonically equivalent spellings as equal).
  func scalarsEqual(_ other: String) -> Bool {
    unicodeScalars.elementsEqual(other.unicodeScalars)
  }
}
