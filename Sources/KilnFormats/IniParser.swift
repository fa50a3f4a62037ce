import KilnDiagnostics

/// Reads INI text with oslo.config's `iniparser` rules, as kolla-ansible's `merge_configs` does:
/// split at the first `=` or `:`, strip, one pair of outer quotes removed from the first line,
/// continuation lines start with a space or tab, comments are lines starting with `#` or `;`.
public enum IniParser {
  /// Parses one source into a document; repeated keys keep every occurrence.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError)
    -> IniDocument
  {
    var reader = IniReader(file: file)
    for (offset, line) in try SourceLines(bytes, file: file).lines.enumerated() {
      try reader.read(line[...], lineNumber: offset + 1)
    }
    reader.flush()
    return reader.document
  }
}

/// The line-by-line state of one INI source.
private struct IniReader {
  let file: String
  var document = IniDocument()
  var currentSection: Int?
  var pendingKey: String?
  var pendingValue: [String] = []
  var pendingLocation: SourceLocation?

  init(file: String) { self.file = file }

  func location(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  mutating func read(_ raw: ArraySlice<Unicode.Scalar>, lineNumber: Int)
    throws(DiagnosticsError)
  {
    let line = PythonWhitespace.rstrip(raw)
    guard let first = line.first else {
      flush()
      return
    }
    if first == " " || first == "\t" {
      guard pendingKey != nil else {
        throw syntax(
          "unexpected continuation line: no key before it", at: location(lineNumber, 1),
          hint: "remove the leading whitespace, or put the line right after a 'key = value' line")
      }
      pendingValue.append(String(scalars: PythonWhitespace.lstrip(line)))
      return
    }
    flush()
    if first == "[" {
      try startSection(line, lineNumber: lineNumber)
    } else if first != "#" && first != ";" {
      try startAssignment(line, lineNumber: lineNumber)
    }
  }

  mutating func startSection(_ line: ArraySlice<Unicode.Scalar>, lineNumber: Int)
    throws(DiagnosticsError)
  {
    guard line.last == "]" else {
      throw syntax(
        "expected ']' at the end of the section header", at: location(lineNumber, line.count + 1),
        hint: "end the line with ']' (a comment may not follow a section header)")
    }
    guard line.count > 2 else {
      throw syntax(
        "expected a section name between '[' and ']'", at: location(lineNumber, 2),
        hint: "name the section, e.g. '[DEFAULT]'")
    }
    let text = String(scalars: line.dropFirst().dropLast())
    let name: String? = text.scalarsEqual(IniDocument.orphanSectionName) ? nil : text
    if let index = document.sectionIndex(named: name) {
      currentSection = index
    } else {
      document.sections.append(IniSection(name: name, location: location(lineNumber, 1)))
      currentSection = document.sections.count - 1
    }
  }

  mutating func startAssignment(_ line: ArraySlice<Unicode.Scalar>, lineNumber: Int)
    throws(DiagnosticsError)
  {
    guard let split = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
      throw syntax(
        "expected 'key = value' (no '=' or ':' on this line)", at: location(lineNumber, 1),
        hint: "write 'key = value', or start the line with '#' to make it a comment")
    }
    let key = PythonWhitespace.strip(line[line.startIndex..<split])
    guard !key.isEmpty else {
      throw syntax(
        "expected a key before '\(line[split])'", at: location(lineNumber, 1),
        hint: "put the option name before the '\(line[split])'")
    }
    var value = PythonWhitespace.strip(line[(split + 1)...])
    if let open = value.first, open == "\"" || open == "'", value.last == open {
      value = value.dropFirst().dropLast()
    }
    pendingKey = String(scalars: key)
    pendingValue = [String(scalars: value)]
    pendingLocation = location(lineNumber, 1)
  }

  /// Ends the pending assignment, if any (kolla's `assignment`).
  mutating func flush() {
    guard let key = pendingKey else { return }
    let value = pendingValue == [""] ? [] : pendingValue
    pendingKey = nil
    pendingValue = []
    let sectionIndex: Int
    if let current = currentSection {
      sectionIndex = current
    } else if let orphan = document.sectionIndex(named: nil) {
      sectionIndex = orphan
    } else {
      document.sections.append(IniSection(name: nil, location: pendingLocation))
      sectionIndex = document.sections.count - 1
    }
    currentSection = sectionIndex
    if let entry = document.sections[sectionIndex].entryIndex(forKey: key) {
      document.sections[sectionIndex].entries[entry].values.append(value)
    } else {
      document.sections[sectionIndex].entries.append(
        IniEntry(key: key, values: [value], location: pendingLocation))
    }
  }

  func syntax(_ message: String, at location: SourceLocation, hint: String) -> DiagnosticsError {
    FormatDiagnostics.error(FormatDiagnostics.iniSyntax, message, at: location, hint: hint)
  }
}
