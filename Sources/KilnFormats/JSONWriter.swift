import KilnDiagnostics

/// Writes JSON deterministically: members in model order, 2-space indentation.
public enum JSONWriter {
  /// The document with 2-space indentation and a final newline.
  public static func write(_ value: JSONValue) -> String {
    write(value, indent: 0) + "\n"
  }

  /// `value` indented from `indent` spaces, or on one line when `indent` is `nil`.
  static func write(_ value: JSONValue, indent: Int?) -> String {
    var output = ""
    append(value, indent: indent, to: &output)
    return output
  }

  private static func append(_ value: JSONValue, indent: Int?, to output: inout String) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .number(let text): output += text
    case .string(let text): appendString(text, to: &output)
    case .array(let items):
      appendContainer(
        items, open: "[", close: "]", indent: indent, to: &output
      ) { item, inner, out in append(item, indent: inner, to: &out) }
    case .object(let members):
      appendContainer(
        members, open: "{", close: "}", indent: indent, to: &output
      ) { member, inner, out in
        appendString(member.key, to: &out)
        out += ": "
        append(member.value, indent: inner, to: &out)
      }
    }
  }

  private static func appendContainer<Element>(
    _ elements: [Element], open: String, close: String, indent: Int?, to output: inout String,
    element: (Element, Int?, inout String) -> Void
  ) {
    guard !elements.isEmpty else {
      output += open + close
      return
    }
    output += open
    let inner = indent.map { $0 + 2 }
    for (index, item) in elements.enumerated() {
      if index > 0 { output += indent == nil ? ", " : "," }
      if let inner { output += "\n" + String(repeating: " ", count: inner) }
      element(item, inner, &output)
    }
    if let indent { output += "\n" + String(repeating: " ", count: indent) }
    output += close
  }

  /// `text` as a JSON string literal (RFC 8259 escapes; non-ASCII kept as UTF-8).
  public static func quoted(_ text: String) -> String {
    JSONStringLiteral.quoted(text)
  }

  /// `text` as a JSON string literal; non-ASCII characters are kept as UTF-8.
  static func appendString(_ text: String, to output: inout String) {
    JSONStringLiteral.append(text, to: &output)
  }
}
