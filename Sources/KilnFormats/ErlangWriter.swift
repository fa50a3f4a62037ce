/// Writes Erlang terms deterministically.
public enum ErlangWriter {
  /// The document: each term followed by `.` and a newline; containers holding containers are
  /// broken over lines with 2-space indentation.
  public static func write(_ document: ErlangDocument) -> String {
    document.terms.map { block($0, indent: 0) + ".\n" }.joined()
  }

  /// A term on one line.
  static func inline(_ term: ErlangTerm) -> String {
    switch term {
    case .atom(let name): return atom(name)
    case .integer(let text), .float(let text): return text
    case .string(let text): return quoted(text, quote: "\"")
    case .binary(let segments): return "<<" + segments.map(inline).joined(separator: ",") + ">>"
    case .tuple(let items): return "{" + items.map(inline).joined(separator: ", ") + "}"
    case .list(let items, let tail):
      return "[" + items.map(inline).joined(separator: ", ")
        + (tail.map { " | " + inline($0) } ?? "") + "]"
    case .map(let entries):
      return "#{" + entries.map { inline($0.key) + " => " + inline($0.value) }
        .joined(separator: ", ") + "}"
    }
  }

  /// A term, broken over lines where it holds nested lists.
  static func block(_ term: ErlangTerm, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent + 2)
    let close = String(repeating: " ", count: indent)
    switch term {
    case .list(let items, nil) where items.contains(where: isNested):
      return "[\n" + items.map { pad + block($0, indent: indent + 2) }.joined(separator: ",\n")
        + "\n" + close + "]"
    case .tuple(let items) where items.count == 2 && isNested(items[1]):
      return "{" + inline(items[0]) + ", " + block(items[1], indent: indent) + "}"
    default: return inline(term)
    }
  }

  /// Whether a term holds a list of containers (worth breaking over lines).
  static func isNested(_ term: ErlangTerm) -> Bool {
    switch term {
    case .list(let items, nil): return items.contains { if case .tuple = $0 { true } else { isNested($0) } }
    case .tuple(let items): return items.contains(where: isNested)
    default: return false
    }
  }

  /// An atom, quoted when it is not a plain lower-case atom or is a reserved word.
  static func atom(_ name: String) -> String {
    let reserved: Set<String> = [
      "after", "and", "andalso", "band", "begin", "bnot", "bor", "bsl", "bsr", "bxor", "case",
      "catch", "cond", "div", "end", "fun", "if", "let", "not", "of", "or", "orelse", "receive",
      "rem", "try", "when", "xor", "maybe", "else",
    ]
    let scalars = Array(name.unicodeScalars)
    let plain =
      scalars.first.map { ("a"..."z").contains($0) } == true
      && scalars.allSatisfy { ErlangLexer.isNameScalar($0) } && !reserved.contains(name)
    return plain ? name : quoted(name, quote: "'")
  }

  /// Text in quotes with Erlang escapes.
  static func quoted(_ text: String, quote: Unicode.Scalar) -> String {
    var result = String.UnicodeScalarView()
    result.append(quote)
    for c in text.unicodeScalars {
      switch c {
      case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
      case quote: result.append("\\"); result.append(quote)
      case "\n": result.append(contentsOf: "\\n".unicodeScalars)
      case "\t": result.append(contentsOf: "\\t".unicodeScalars)
      case "\r": result.append(contentsOf: "\\r".unicodeScalars)
      default: result.append(c)
      }
    }
    result.append(quote)
    return String(result)
  }
}
