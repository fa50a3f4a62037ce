/// Python's `ast.literal_eval` as Ansible's `ini` inventory plugin applies it to a variable's
/// text: a Python literal becomes its value; text that is not one stays the original string.
public enum PythonLiteral {
  /// The value Ansible gives the inventory text `text`, and a note when the text is a Python
  /// literal that Kiln has no type for (an imaginary number, a huge integer), kept as text.
  public static func value(of text: String) throws(Unhashable) -> (
    value: InventoryValue, note: String?
  ) {
    do {
      let trimmed = String(text.drop(while: { $0 == " " || $0 == "\t" }))
      var parser = Parser(tokens: try PythonLiteralLexer.tokens(of: trimmed))
      let value = try parser.expressionList()
      guard parser.atEnd else { return (.string(text), nil) }
      return (value, nil)
    } catch let failure as Unsupported {
      return (.string(text), failure.what)
    } catch let failure as Unhashable {
      throw failure
    } catch {
      return (.string(text), nil)
    }
  }

  /// A dict key or set element that Python cannot hash (a list or dict): `literal_eval` raises
  /// `TypeError`, which Ansible does not catch, so the inventory fails to parse.
  public struct Unhashable: Error, Sendable {
    /// What was used as the key.
    public var what: String
  }

  /// A valid literal without a Kiln type.
  struct Unsupported: Error { var what: String }
  /// Text that is not a literal (Python raises `ValueError` or `SyntaxError`).
  struct NotALiteral: Error {}

  private struct Parser {
    var tokens: [PythonLiteralLexer.Token]
    var index = 0

    var atEnd: Bool { index == tokens.count }

    private var current: PythonLiteralLexer.Token? { atEnd ? nil : tokens[index] }

    private mutating func take(_ punctuation: String) -> Bool {
      guard current == .punctuation(punctuation) else { return false }
      index += 1
      return true
    }

    /// `a, b, …` (a tuple, read as a list) or a single value.
    mutating func expressionList() throws -> InventoryValue {
      let first = try atom()
      guard current == .punctuation(",") else { return first }
      var items = [first]
      while take(",") {
        guard let token = current, !Self.closers.contains(token) else { break }
        items.append(try atom())
      }
      return .list(items)
    }

    static let closers: [PythonLiteralLexer.Token] = [
      .punctuation(")"), .punctuation("]"), .punctuation("}"),
    ]

    private mutating func atom() throws -> InventoryValue {
      guard let token = current else { throw NotALiteral() }
      index += 1
      let value: InventoryValue
      switch token {
      case .number(let text): value = try number(text, negative: false)
      case .string(let piece): value = try strings(starting: piece)
      case .name(let name): value = try named(name)
      case .punctuation("+"), .punctuation("-"):
        guard case .number(let text)? = current else { throw NotALiteral() }
        index += 1
        value = try number(text, negative: token == .punctuation("-"))
      case .punctuation("..."): value = .string("...")
      case .punctuation("("): value = try tuple()
      case .punctuation("["): value = .list(try items(until: "]"))
      case .punctuation("{"): value = try braces()
      default: throw NotALiteral()
      }
      if current == .punctuation("+") || current == .punctuation("-") {
        // Only `number ± imaginary` is a literal (a complex number).
        if case .number(let text)? = tokens.dropFirst(index + 1).first,
          text.lowercased().hasSuffix("j")
        {
          throw Unsupported(what: "complex number")
        }
        throw NotALiteral()
      }
      return value
    }

    private func number(_ text: String, negative: Bool) throws -> InventoryValue {
      switch try PythonNumber.read(text) {
      case .int(let value): return .int(negative ? -value : value)
      case .float(let value): return .float(negative ? -value : value)
      case .unsupported(let what): throw Unsupported(what: what)
      }
    }

    private mutating func strings(starting first: PythonStringLiteral.Piece) throws
      -> InventoryValue
    {
      var pieces = [first]
      while case .string(let piece)? = current {
        pieces.append(piece)
        index += 1
      }
      if pieces.contains(where: { $0.kind == .formatted }) { throw NotALiteral() }
      let kinds = Set(pieces.map { $0.kind == .bytes })
      guard kinds.count == 1 else { throw PythonLiteralLexer.SyntaxFailure() }
      return .string(pieces.map(\.value).joined())
    }

    private mutating func named(_ name: String) throws -> InventoryValue {
      switch name {
      case "True": return .bool(true)
      case "False": return .bool(false)
      case "None": return .null
      case "set" where current == .punctuation("("):
        index += 1
        guard take(")") else { throw NotALiteral() }
        return .list([])
      default: throw NotALiteral()
      }
    }

    private mutating func tuple() throws -> InventoryValue {
      if take(")") { return .list([]) }
      let value = try expressionList()
      guard take(")") else { throw NotALiteral() }
      return value
    }

    private mutating func items(until closer: String) throws -> [InventoryValue] {
      var items: [InventoryValue] = []
      while !take(closer) {
        items.append(try atom())
        if !take(",") {
          guard take(closer) else { throw NotALiteral() }
          break
        }
      }
      return items
    }

    /// `{}` and `{k: v, …}` are dicts, `{a, b}` a set (read as a list without duplicates).
    private mutating func braces() throws -> InventoryValue {
      if take("}") { return .map([]) }
      let first = try atom()
      guard take(":") else {
        var elements = [first]
        if take(",") {
          elements += try items(until: "}")
        } else if !take("}") {
          throw NotALiteral()
        }
        try elements.forEach(Self.requireHashable)
        var unique: [InventoryValue] = []
        for element in elements where !unique.contains(element) { unique.append(element) }
        return .list(unique)
      }
      var pairs: [(key: String, value: InventoryValue)] = []
      var key = first
      while true {
        try Self.requireHashable(key)
        let value = try atom()
        let name = Self.keyText(key)
        if let existing = pairs.firstIndex(where: { $0.key == name }) {
          pairs[existing].value = value
        } else {
          pairs.append((name, value))
        }
        if take("}") { break }
        guard take(",") else { throw NotALiteral() }
        if take("}") { break }
        key = try atom()
        guard take(":") else { throw NotALiteral() }
      }
      return .map(pairs)
    }

    private static func requireHashable(_ value: InventoryValue) throws {
      switch value {
      case .list: throw Unhashable(what: "a list")
      case .map: throw Unhashable(what: "a dict")
      default: return
      }
    }

    /// Keys are written as strings (YAML mapping keys of a Kiln repository).
    private static func keyText(_ value: InventoryValue) -> String {
      switch value {
      case .null: "None"
      case .bool(let flag): flag ? "True" : "False"
      case .int(let number): String(number)
      case .float(let number): "\(number)"
      case .string(let text): text
      default: ""
      }
    }
  }
}
