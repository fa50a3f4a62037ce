/// The result of comparing two versions of one file in its format.
public struct FileComparison: Sendable, Hashable {
  /// How the difference is best shown.
  public enum Outcome: String, Sendable, Hashable {
    /// Byte-identical.
    case identical
    /// Parsed in its format; `changes` lists the paths that differ.
    case semantic
    /// The bytes differ but the parsed contents are equal; `cosmetic` says how.
    case cosmetic
    /// Compared line by line; `hunks` is a unified diff.
    case lines
    /// Not UTF-8 text on at least one side; only sizes and digests are comparable.
    case binary
  }

  /// How the difference is shown.
  public var outcome: Outcome
  /// The semantic changes (outcome `.semantic`).
  public var changes: [SemanticChange]
  /// The unified diff hunks (outcome `.lines`).
  public var hunks: [DiffHunk]
  /// The kind of format-ignored difference (outcome `.cosmetic`).
  public var cosmetic: CosmeticChange?
  /// Why a semantic comparison fell back to lines, e.g. a side that does not parse.
  public var note: String?

  /// Creates a comparison.
  public init(
    outcome: Outcome, changes: [SemanticChange] = [], hunks: [DiffHunk] = [],
    cosmetic: CosmeticChange? = nil, note: String? = nil
  ) {
    self.outcome = outcome
    self.changes = changes
    self.hunks = hunks
    self.cosmetic = cosmetic
    self.note = note
  }

  /// No difference at all.
  public static let identical = FileComparison(outcome: .identical)
}
