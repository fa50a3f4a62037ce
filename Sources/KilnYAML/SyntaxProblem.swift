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

  /// The explanation of one libyaml problem.
  static func explain(
    problem: String, context: String?, character: Unicode.Scalar?, contextMark: Mark?
  ) -> SyntaxProblem {
    let where_ = contextMark.map { "line \($0.line)" } ?? "above"
    let column = contextMark.map { "column \($0.column)" } ?? "the same column"
    switch problem {
    case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
      return SyntaxProblem(
        message: "unterminated quoted string: the quote opened here is never closed",
        hint: "add the closing quote; inside single quotes write '' for a quote, "
          + "inside double quotes write \\\"",
        atContext: true, problemNote: "the file ends here, still inside the string")
    case "did not find expected key":
      return SyntaxProblem(
        message: "bad indentation: expected a key of the mapping that starts at \(where_)",
        hint: "indent this line to \(column) like the mapping's other keys, "
          + "or deeper if it belongs to a nested value",
        contextNote: "the mapping starts here")
    case "did not find expected '-' indicator":
      return SyntaxProblem(
        message: "bad indentation: expected a list item ('- ') of the list that starts at "
          + where_,
        hint: "start the line with '- ' at \(column), or indent it to belong to an item",
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
    case "found character that cannot start any token":
      let shown = character.map { "'\($0.escaped(asASCII: false))'" } ?? "this character"
      return SyntaxProblem(
        message: "\(shown) cannot start a value",
        hint: "quote the value (YAML reserves @ and ` at the start of a value)")
    case "did not find expected ',' or ']'":
      return SyntaxProblem(
        message: "unterminated flow list: expected ',' or ']'",
        hint: "close the list opened at \(where_) with ']', and separate items with ','",
        contextNote: "the list opens here")
    case "did not find expected ',' or '}'":
      return SyntaxProblem(
        message: "unterminated flow mapping: expected ',' or '}'",
        hint: "close the mapping opened at \(where_) with '}', and separate entries with ','",
        contextNote: "the mapping opens here")
    case "found unknown escape character":
      return SyntaxProblem(
        message: "unknown escape sequence in a double-quoted string",
        hint: "write \\\\ for a backslash, or use single quotes where backslashes are literal")
    case "did not find expected alphabetic or numeric character":
      let what = context?.contains("alias") == true ? "alias '*'" : "anchor '&'"
      return SyntaxProblem(
        message: "the \(what) has no name",
        hint: "write a name right after it (letters, digits, '-' or '_'), or quote the value")
    case "found incompatible YAML document":
      return SyntaxProblem(
        message: "unsupported %YAML version directive",
        hint: "use '%YAML 1.2' or remove the directive")
    case "did not find expected node content":
      return SyntaxProblem(
        message: "expected a value here",
        hint: "write a value (quote it if it starts with a YAML indicator such as ',' or ']')",
        contextNote: "inside the node that starts here")
    case "could not find expected ':'":
      return SyntaxProblem(
        message: "expected ':' after the key that starts at \(where_)",
        hint: "a key must be followed by ': ' on the same line; quote text that is not a key",
        contextNote: "the key starts here")
    case "did not find expected <document start>":
      return SyntaxProblem(
        message: "expected '---' to start a new document",
        hint: "remove the text after '...', or start a new document with '---'")
    case "found undefined tag handle":
      return SyntaxProblem(
        message: "undefined tag handle",
        hint: "declare the handle with a %TAG directive, or use one of Kiln's tags")
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
      let detail = context.map { "\(problem) (\($0))" } ?? problem
      return SyntaxProblem(
        message: "invalid YAML: \(detail)",
        hint: "check the YAML syntax at this position", contextNote: "the construct starts here")
    }
  }
}
