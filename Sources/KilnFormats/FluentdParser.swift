import KilnDiagnostics

/// Parses fluentd configuration text, reporting unbalanced or malformed tags with locations.
public enum FluentdParser {
  /// Parses the file.
  public static func parse(_ bytes: [UInt8], file: String) throws(DiagnosticsError)
    -> FluentdConfig
  {
    var stack = [FluentdElement(name: "", location: .file(file))]
    for (offset, raw) in try SourceLines(bytes, file: file).lines.enumerated() {
      let line = PythonWhitespace.strip(raw[...])
      guard let first = line.first, first != "#" else { continue }
      let at = { (index: Int) in SourceLocation(file: file, line: offset + 1, column: index + 1) }
      if first == "<" {
        try tag(line, at: at, stack: &stack)
      } else {
        let split = line.firstIndex { $0 == " " || $0 == "\t" } ?? line.endIndex
        let key = String(scalars: line[line.startIndex..<split])
        let value = String(scalars: PythonWhitespace.strip(line[split...]))
        stack[stack.count - 1].items.append(.parameter(key: key, value: value))
      }
    }
    if stack.count > 1, let open = stack.last {
      throw syntax(
        "expected '</\(open.name)>' before the end of the file", at: open.location ?? .file(file),
        hint: "close the <\(open.name)> section opened here")
    }
    return FluentdConfig(root: stack[0])
  }

  static func tag(
    _ line: ArraySlice<Unicode.Scalar>, at: (Int) -> SourceLocation,
    stack: inout [FluentdElement]
  ) throws(DiagnosticsError) {
    guard line.last == ">" else {
      throw syntax(
        "expected '>' at the end of the tag", at: at(line.endIndex),
        hint: "write tags as <name argument> or </name> on their own line")
    }
    let body = line.dropFirst().dropLast()
    if body.first == "/" {
      let name = String(scalars: PythonWhitespace.strip(body.dropFirst()))
      guard stack.count > 1, let open = stack.last else {
        throw syntax("unexpected '</\(name)>': no section is open", at: at(line.startIndex),
          hint: "remove the closing tag or add the matching opening tag")
      }
      guard open.name == name else {
        throw syntax(
          "expected '</\(open.name)>' (opened at \(open.location.map { "\($0)" } ?? "?")), found '</\(name)>'",
          at: at(line.startIndex), hint: "close sections in the reverse order of opening")
      }
      stack.removeLast()
      stack[stack.count - 1].items.append(.element(open))
      return
    }
    let split = body.firstIndex { $0 == " " || $0 == "\t" } ?? body.endIndex
    let name = body[body.startIndex..<split]
    guard let firstScalar = name.first, firstScalar.properties.isAlphabetic || firstScalar == "_",
      name.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
    else {
      throw syntax("expected a section name after '<'", at: at(body.startIndex),
        hint: "write e.g. <source>, <match pattern> or <buffer>")
    }
    stack.append(
      FluentdElement(
        name: String(scalars: name), argument: String(scalars: PythonWhitespace.strip(body[split...])),
        location: at(line.startIndex)))
  }

  static func syntax(_ message: String, at location: SourceLocation, hint: String)
    -> DiagnosticsError
  {
    FormatDiagnostics.error(FormatDiagnostics.fluentdSyntax, message, at: location, hint: hint)
  }
}
