/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A stable diagnostic identifier such as `KLN101`.
///
/// Families: `KLN1xx` YAML and layering, `KLN2xx` templates, `KLN3xx` formats, `KLN4xx`
/// cross-host invariants, `KLN5xx` firmware, `KLN6xx` secrets and bundles, `KLN0xx` usage,
/// I/O and git.
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, Comparable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }
  public var description: String { rawValue }
  public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}

/// A finding: what is wrong, where, and what to do about it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
  /// Stable identifier (`KLN1xx`…).
  public var id: DiagnosticID
  public var severity: Severity
  /// What is wrong, in one sentence.
  public var message: String
  /// The line to edit, if known.
  public var location: SourceLocation?
  /// Other places that take part (the other definition of a duplicate, and so on).
  public var related: [RelatedLocation]
  /// What to do about it.
  public var hint: String?

  public init(
    id: DiagnosticID, severity: Severity = .error, message: String,
    location: SourceLocation? = nil, related: [RelatedLocation] = [], hint: String? = nil
  ) {
    self.id = id
    self.severity = severity
    self.message = message
    self.location = location
    self.related = related
    self.hint = hint
  }

  /// The one-line text form: `file:line:col: error[KLN101]: message`.
  public var description: String {
    let prefix = location.map { "\($0): " } ?? ""
    return "\(prefix)\(severity.rawValue)[\(id)]: \(message)"
  }
}

/// A secondary location attached to a diagnostic, with a short note.
public struct RelatedLocation: Sendable, Hashable {
  public var location: SourceLocation
  public var note: String

  public init(_ location: SourceLocation, note: String) {
    self.location = location
    self.note = note
  }
}

/// One or more diagnostics thrown together, so that every finding of a failed step reaches
/// the user rather than only the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics.sortedForOutput()
  }

  public init(_ diagnostic: Diagnostic) {
    self.diagnostics = [diagnostic]
  }

  public var description: String {
    DiagnosticRenderer.text(diagnostics)
  }
}

extension Array where Element == Diagnostic {
  /// Sorted by location, then ID, then message: the deterministic output order.
  public func sortedForOutput() -> [Diagnostic] {
    sorted { a, b in
      let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
      let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
      if la != lb { return la < lb }
      if a.id != b.id { return a.id < b.id }
      return a.message < b.message
    }
  }
}
