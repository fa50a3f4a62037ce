import KilnDiagnostics

/// An immutable YAML node with its source mark.
public struct YAMLNode: Sendable, Hashable {
  /// What the node holds.
  public enum Content: Sendable, Hashable {
    /// A scalar with its text, style and resolved value.
    case scalar(YAMLScalar)
    /// A sequence of nodes, in document order.
    case sequence([YAMLNode])
    /// Key/value pairs in document order; duplicate keys are a parse error.
    case mapping([YAMLPair])
  }

  /// What the node holds.
  public var content: Content
  /// Kiln's own tag (`!append` …); standard tags such as `!!str` are applied during scalar
  /// resolution and not kept here.
  public var tag: KilnTag?
  /// File, 1-based line and column of the node's start.
  public var location: SourceLocation

  /// Creates a node.
  public init(_ content: Content, tag: KilnTag? = nil, location: SourceLocation) {
    self.content = content
    self.tag = tag
    self.location = location
  }
}

/// One key/value pair of a mapping.
public struct YAMLPair: Sendable, Hashable {
  /// The key node (usually a string scalar).
  public var key: YAMLNode
  /// The value node.
  public var value: YAMLNode

  /// Creates a pair.
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

/// A scalar: its text as written, how it was written, and its resolved value.
public struct YAMLScalar: Sendable, Hashable {
  /// How a scalar was written in the source.
  public enum Style: Sendable, Hashable {
    /// Unquoted.
    case plain
    /// In single quotes.
    case singleQuoted
    /// In double quotes, with escapes.
    case doubleQuoted
    /// A `|` block.
    case literal
    /// A `>` block.
    case folded
  }

  /// The scalar's text as written (after YAML unescaping and folding).
  public var text: String
  /// How the scalar was written.
  public var style: Style
  /// The YAML 1.2 core schema value (quoted and block scalars are always strings).
  public var value: ScalarValue

  /// Creates a scalar.
  public init(text: String, style: Style, value: ScalarValue) {
    self.text = text
    self.style = style
    self.value = value
  }

  /// A plain scalar whose value is resolved from `text` by the YAML 1.2 core schema.
  public init(plain text: String) {
    self.init(text: text, style: .plain, value: ScalarResolver.resolve(text))
  }

  /// A string scalar holding `text` (written quoted where a plain scalar would read otherwise).
  public init(string text: String) {
    self.init(text: text, style: .plain, value: .string(text))
  }
}

/// A scalar's value under the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Hashable {
  /// `~`, `null`, `Null`, `NULL` or nothing.
  case null
  /// `true`/`false` in lower, title or upper case.
  case bool(Bool)
  /// A decimal, `0o` octal or `0x` hexadecimal integer that fits in `Int`.
  case int(Int)
  /// A decimal with a fraction or exponent, `.inf`, `-.inf` or `.nan`.
  case float(Double)
  /// Anything else, and every quoted or block scalar.
  case string(String)
}

/// Kiln's own YAML tags, kept on the node for the layering rules.
public enum KilnTag: String, Sendable, Hashable, CaseIterable {
  /// Append this list to the inherited one.
  case append = "!append"
  /// Put this list before the inherited one.
  case prepend = "!prepend"
  /// Remove these items from the inherited list.
  case remove = "!remove"
  /// Replace the inherited value whole instead of merging.
  case replace = "!replace"
  /// Remove the inherited value.
  case unset = "!unset"
  /// A reference to a secret, not the secret itself.
  case secret = "!secret"
}

/// A parsed document plus non-fatal findings (e.g. YAML 1.1 booleans `yes`/`on` read as strings).
public struct YAMLDocument: Sendable {
  /// The document's root node (a null scalar for an empty document).
  public var root: YAMLNode
  /// Warnings found while reading, in source order.
  public var warnings: [Diagnostic]

  /// Creates a document.
  public init(root: YAMLNode, warnings: [Diagnostic] = []) {
    self.root = root
    self.warnings = warnings
  }
}

/// A located YAML error; `diagnostic` has ID KLN1xx, file:line:col, message and hint.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
  /// The finding, with its location and hint.
  public var diagnostic: Diagnostic

  /// Wraps a diagnostic.
  public init(_ diagnostic: Diagnostic) {
    self.diagnostic = diagnostic
  }

  /// The rendered diagnostic (location, message, related notes and hint).
  public var description: String {
    DiagnosticRenderer.text([diagnostic])
  }
}
