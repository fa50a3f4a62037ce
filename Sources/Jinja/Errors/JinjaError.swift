/// A located template engine error.
public struct JinjaError: Error, Sendable, CustomStringConvertible {
  /// The family of error.
  public enum Kind: Sendable, Hashable {
    /// Malformed template text.
    case syntax
    /// Use of an undefined variable or attribute.
    case undefined
    /// An operation on values of the wrong type.
    case type
    /// An unknown filter or a filter failure.
    case filter
    /// An unknown test or a test failure.
    case test
    /// A template that could not be included or imported.
    case include
    /// Nesting past the depth limit (macro recursion, include loops).
    case recursion
    /// Any other failure while rendering (division by zero, bad arguments).
    case runtime
  }

  /// The family of error.
  public var kind: Kind
  /// What is wrong and what was expected.
  public var message: String
  /// Where the error happened.
  public var span: SourceSpan?
  /// What to do about it.
  public var hint: String?
  /// The include/import/call chain leading here, outermost first.
  public var includeStack: [SourceSpan]

  /// Creates an error.
  public init(
    _ kind: Kind, _ message: String, span: SourceSpan? = nil, hint: String? = nil,
    includeStack: [SourceSpan] = []
  ) {
    self.kind = kind
    self.message = message
    self.span = span
    self.hint = hint
    self.includeStack = includeStack
  }

  /// `file:line:column: message (hint)`, followed by the include chain.
  public var description: String {
    var text = ""
    if let span { text += "\(span): " }
    text += message
    if let hint { text += " (\(hint))" }
    let sites = Array(includeStack.reversed())
    let shown = sites.count > 8 ? Array(sites.prefix(4)) + Array(sites.suffix(3)) : sites
    for (position, site) in shown.enumerated() {
      if sites.count > 8, position == 4 { text += "\n  … \(sites.count - 7) more" }
      text += "\n  included from \(site)"
    }
    return text
  }
}
