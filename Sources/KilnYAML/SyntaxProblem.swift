/// libyaml's problem and context strings explained in plain words, with a fix hint.
struct SyntaxProblem {
  /// What is wrong.
  var message: String
  /// What to do.
  var hint: String
  /// Whether the error is best reported where the enclosing construct starts (an unclosed
  /// quote is fixed where it opens).
  var atContext = false
  /// A note for the context mark, when the problem mark is primary.
  var contextNote: String?
  /// A note for the problem mark, when the context mark is primary.
  var problemNote = "the parser noticed the problem here"
  /// A better column on the problem's line to report (the start of a misindented line).
  var column: Int?

  /// The facts an explanation draws on.
  struct Facts {
    var problem: String
    var context: String?
    var character: Unicode.Scalar?
    var contextMark: Mark?
    var layout: ProblemLayout

    var contextLine: String { contextMark.map { "line \($0.line)" } ?? "above" }
    var contextColumn: String { contextMark.map { "column \($0.column)" } ?? "the same column" }
  }

  /// The explanation of one libyaml problem.
  static func explain(_ facts: Facts) -> SyntaxProblem {
    layoutProblem(facts) ?? structureProblem(facts) ?? tokenProblem(facts)
      ?? documentProblem(facts)
  }

  /// Text after a value, and lines indented under a `key: value` line.
  private static func layoutProblem(_ facts: Facts) -> SyntaxProblem? {
    switch facts.problem {
    case "did not find expected key" where facts.layout.textBeforeOnLine,
      "did not find expected '-' indicator" where facts.layout.textBeforeOnLine:
      return SyntaxProblem(
        message: "unexpected text after the value on this line",
        hint: "quote the whole value; inside single quotes write '' for a quote ('it''s'), "
          + "inside double quotes write \\\"")
    case "mapping values are not allowed in this context":
      guard let line = facts.layout.indentedUnderValueLine, let column = facts.layout.keyColumn
      else { return nil }
      return SyntaxProblem(
        message: "bad indentation: this line is indented deeper than the key on line \(line), "
          + "so it reads as part of that key's value",
        hint: "align the key with column \(column), or move the value on line \(line) to a "
          + "nested block",
        column: facts.layout.contentColumn)
    default:
      return nil
    }
  }

  /// Indentation and collection problems.
  private static func structureProblem(_ facts: Facts) -> SyntaxProblem? {
    switch facts.problem {
    case "did not find expected key":
      return SyntaxProblem(
        message: "bad indentation: expected a key of the mapping that starts at "
          + facts.contextLine,
        hint: "indent this line to \(facts.contextColumn) like the mapping's other keys, "
          + "or deeper if it belongs to a nested value",
        contextNote: "the mapping starts here")
    case "did not find expected '-' indicator":
      return SyntaxProblem(
        message: "bad indentation: expected a list item ('- ') of the list that starts at "
          + facts.contextLine,
        hint: "start the line with '- ' at \(facts.contextColumn), or indent it to belong to "
          + "an item",
        contextNote: "the list starts here")
    case "mapping values are not allowed in this context":
      return SyntaxProblem(
        message: "unexpected ':' (mapping values are not allowed here)",
        hint: "quote a value that contains ': ' (for example \"a: b\"), or put a nested mapping "
          + "on its own line, indented under its key")
    case "block sequence entries are not allowed in this context":
      return SyntaxProblem(
        message: "unexpected list item '- ' (a list is not allowed here)",
        hint: "start the list on its own line, indented under its key")
    case "mapping keys are not allowed in this context":
      return SyntaxProblem(
        message: "unexpected '?' (a complex key is not allowed here)",
        hint: "quote the value if the '?' is text")
    case "did not find expected ',' or ']'":
      return SyntaxProblem(
        message: "unterminated flow list: expected ',' or ']'",
        hint: "close the list opened at \(facts.contextLine) with ']', and separate items "
          + "with ','",
        contextNote: "the list opens here")
    case "did not find expected ',' or '}'":
      return SyntaxProblem(
        message: "unterminated flow mapping: expected ',' or '}'",
        hint: "close the mapping opened at \(facts.contextLine) with '}', and separate "
          + "entries with ','",
        contextNote: "the mapping opens here")
    case "did not find expected node content":
      return SyntaxProblem(
        message: "expected a value here",
        hint: "write a value (quote it if it starts with a YAML indicator such as ',' or ']')",
        contextNote: "inside the node that starts here")
    case "could not find expected ':'":
      return SyntaxProblem(
        message: "expected ':' after the key that starts at \(facts.contextLine)",
        hint: "a key must be followed by ': ' on the same line; quote text that is not a key",
        contextNote: "the key starts here")
    default:
      return nil
    }
  }

  /// Problems with single tokens: characters, quotes, escapes, anchors.
  private static func tokenProblem(_ facts: Facts) -> SyntaxProblem? {
    switch facts.problem {
    case "found unexpected end of stream" where facts.context?.contains("quoted scalar") == true:
      return SyntaxProblem(
        message: "unterminated quoted string: the quote opened here is never closed",
        hint: "add the closing quote; inside single quotes write '' for a quote, "
          + "inside double quotes write \\\"",
        atContext: true, problemNote: "the file ends here, still inside the string")
    case "found character that cannot start any token":
      let shown = facts.character.map { "'\($0.escaped(asASCII: false))'" } ?? "this character"
      return SyntaxProblem(
        message: "\(shown) cannot start a value",
        hint: "quote the value (YAML reserves @ and ` at the start of a value)")
    case "found unknown escape character":
      return SyntaxProblem(
        message: "unknown escape sequence in a double-quoted string",
        hint: "write \\\\ for a backslash, or use single quotes where backslashes are literal")
    case "did not find expected alphabetic or numeric character":
      let what = facts.context?.contains("alias") == true ? "alias '*'" : "anchor '&'"
      return SyntaxProblem(
        message: "the \(what) has no name",
        hint: "write a name right after it (letters, digits, '-' or '_'), or quote the value")
    case "did not find expected comment or line break":
      return SyntaxProblem(
        message: "unexpected text after the value",
        hint: "put a comment after ' #', or move the text to its own line",
        contextNote: "while reading the construct that starts here")
    case "found unexpected document indicator":
      return SyntaxProblem(
        message: "'---' or '...' at the start of a line inside a quoted string",
        hint: "indent the string's continuation lines", atContext: true,
        problemNote: "the document marker is here")
    default:
      return nil
    }
  }

  /// Directive and document problems, and the fallback for anything else.
  private static func documentProblem(_ facts: Facts) -> SyntaxProblem {
    switch facts.problem {
    case "found incompatible YAML document":
      return SyntaxProblem(
        message: "unsupported %YAML version directive",
        hint: "use '%YAML 1.2' or remove the directive")
    case "did not find expected <document start>":
      return SyntaxProblem(
        message: "expected '---' to start a new document",
        hint: "remove the text after '...', or start a new document with '---'")
    case "found undefined tag handle":
      return SyntaxProblem(
        message: "undefined tag handle",
        hint: "declare the handle with a %TAG directive, or use one of Kiln's tags")
    default:
      let detail = facts.context.map { "\(facts.problem) (\($0))" } ?? facts.problem
      return SyntaxProblem(
        message: "invalid YAML: \(detail)",
        hint: "check the YAML syntax at this position", contextNote: "the construct starts here")
    }
  }
}
