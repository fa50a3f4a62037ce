import CLibYAML
import KilnDiagnostics

/// Turns libyaml's problem and context into a located Kiln diagnostic in plain words.
struct SyntaxErrorTranslator {
  let source: SourceText
  let file: String

  init(input: UnsafeBufferPointer<UInt8>, file: String) {
    self.source = SourceText(bytes: input)
    self.file = file
  }

  /// The diagnostic for the error libyaml recorded in `parser`.
  func translate(_ parser: yaml_parser_t) -> YAMLError {
    let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
    let context = parser.context.map { String(cString: $0) }
    switch parser.error {
    case YAML_MEMORY_ERROR:
      return YAMLDiagnostics.syntax(
        "the YAML parser ran out of memory", at: location(Mark(line: 1, column: 1)),
        hint: "split the file or retry with more memory available")
    case YAML_READER_ERROR:
      return readerError(problem, offset: Int(parser.problem_offset), value: parser.problem_value)
    default:
      let problemMark = mark(parser.problem_mark)
      let contextMark = context == nil ? nil : mark(parser.context_mark)
      if let column = source.tabInIndentation(line: problemMark.line) {
        return YAMLDiagnostics.tab(at: location(Mark(line: problemMark.line, column: column)))
      }
      return describe(problem, context: context, at: problemMark, contextMark: contextMark)
    }
  }

  private func mark(_ mark: yaml_mark_t) -> Mark {
    Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  private func location(_ mark: Mark) -> SourceLocation {
    SourceLocation(file: file, line: mark.line, column: mark.column)
  }

  private func readerError(_ problem: String, offset: Int, value: Int32) -> YAMLError {
    let at = location(source.mark(ofByte: offset))
    if problem.contains("control characters") {
      let code = String(value, radix: 16, uppercase: true)
      return YAMLDiagnostics.syntax(
        "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) "
          + "is not allowed in YAML text",
        at: at,
        hint: "remove it, or write it as an escape such as \\x\(code) inside a "
          + "double-quoted string")
    }
    if problem.contains("input is too long") {
      return YAMLDiagnostics.syntax(
        "the file is too long for the YAML parser", at: at, hint: "split the file")
    }
    return YAMLDiagnostics.syntax(
      "the file is not valid UTF-8 (\(problem) at byte \(offset))", at: at,
      hint: "save the file with UTF-8 encoding")
  }

  private func describe(
    _ problem: String, context: String?, at problemMark: Mark, contextMark: Mark?
  )
    -> YAMLError
  {
    let explanation = SyntaxProblem.explain(
      SyntaxProblem.Facts(
        problem: problem, context: context,
        character: source.character(line: problemMark.line, column: problemMark.column),
        contextMark: contextMark, layout: source.layout(around: problemMark)))
    var primary = explanation.atContext ? (contextMark ?? problemMark) : problemMark
    if let column = explanation.column { primary.column = column }
    var related: [RelatedLocation] = []
    if primary != problemMark {
      related.append(RelatedLocation(location(problemMark), note: explanation.problemNote))
    } else if let contextMark, contextMark != problemMark, let note = explanation.contextNote {
      related.append(RelatedLocation(location(contextMark), note: note))
    }
    return YAMLDiagnostics.syntax(
      explanation.message, at: location(primary), related: related, hint: explanation.hint)
  }
}
