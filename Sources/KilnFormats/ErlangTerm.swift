/// An Erlang term as written in `advanced.config`, `enabled_plugins` and `sys.config`.
public indirect enum ErlangTerm: Sendable, Hashable {
  /// An atom, unquoted (`rabbit`) or quoted (`'Quoted atom'`); stored without quotes.
  case atom(String)
  /// An integer, kept as written (`42`, `-1`, `16#ff`, `$a`).
  case integer(String)
  /// A float, kept as written (`0.5`, `1.0e3`).
  case float(String)
  /// A string in double quotes (a list of characters to Erlang).
  case string(String)
  /// A binary `<<"text">>` or `<<1,2,3>>`: its segments as written.
  case binary([ErlangTerm])
  /// A tuple `{a, b}`.
  case tuple([ErlangTerm])
  /// A list `[a, b]`, with an optional improper tail `[a | T]`.
  case list([ErlangTerm], tail: ErlangTerm?)
  /// A map `#{k => v}`.
  case map([ErlangMapEntry])

  /// The term in Erlang syntax on one line.
  public var text: String { ErlangWriter.inline(self) }
}

/// One `key => value` association of a map.
public struct ErlangMapEntry: Sendable, Hashable {
  /// The key term.
  public var key: ErlangTerm
  /// The value term.
  public var value: ErlangTerm

  /// Creates an association.
  public init(key: ErlangTerm, value: ErlangTerm) {
    self.key = key
    self.value = value
  }
}

/// A file of Erlang terms, each ended by `.`.
public struct ErlangDocument: Sendable, Hashable {
  /// The terms in file order.
  public var terms: [ErlangTerm]

  /// Creates a document.
  public init(terms: [ErlangTerm]) {
    self.terms = terms
  }

  /// Path/value pairs for a semantic diff. Proplists (`[{key, …}]`) are keyed by their atoms,
  /// so `[{rabbit, [{tcp_listen_options, …}]}]` gives paths like `rabbit.tcp_listen_options`;
  /// other elements are keyed by position.
  public func semanticEntries() -> [(path: String, value: String)] {
    var result: [(path: String, value: String)] = []
    for (index, term) in terms.enumerated() {
      ErlangDocument.collect(term, path: terms.count == 1 ? "" : "\(index)", into: &result)
    }
    return result
  }

  private static func collect(
    _ term: ErlangTerm, path: String, into result: inout [(path: String, value: String)]
  ) {
    let join = { (name: String) in path.isEmpty ? name : "\(path).\(name)" }
    guard case .list(let items, nil) = term, !items.isEmpty else {
      result.append((path, term.text))
      return
    }
    for (index, item) in items.enumerated() {
      switch item {
      case .tuple(let parts) where parts.count == 2:
        if case .atom(let name) = parts[0] {
          collect(parts[1], path: join(name), into: &result)
        } else {
          result.append((join("\(index)"), item.text))
        }
      case .atom(let name): result.append((join(name), "true"))
      default: collect(item, path: join("\(index)"), into: &result)
      }
    }
  }
}
