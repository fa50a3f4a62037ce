/// One difference between two parsed versions of a file, at a format-specific path such as
/// `[mysqld] max_connections` (INI) or `$.policies[2].definition.ha-mode` (JSON/YAML).
public struct SemanticChange: Sendable, Hashable {
  /// Whether the path appeared, disappeared or kept its place with another value.
  public enum Kind: String, Sendable, Hashable {
    /// The path exists only in the new version.
    case added
    /// The path exists only in the old version.
    case removed
    /// The path exists in both with different values.
    case changed
  }

  /// What happened at the path.
  public var kind: Kind
  /// Where in the file, in the format's own notation.
  public var path: String
  /// The old value (nil when added).
  public var old: String?
  /// The new value (nil when removed).
  public var new: String?

  /// Creates a change.
  public init(kind: Kind, path: String, old: String?, new: String?) {
    self.kind = kind
    self.path = path
    self.old = old
    self.new = new
  }
}

/// A difference that the format ignores: the parsed contents are equal.
public enum CosmeticChange: String, Sendable, Hashable {
  /// Only whitespace, comments, quoting or layout differ.
  case formatting
  /// Only the order of entries whose order the format ignores differs.
  case ordering

  /// A short phrase for reports.
  public var phrase: String {
    switch self {
    case .formatting: "whitespace or formatting only"
    case .ordering: "order only (the format ignores it)"
    }
  }
}
