import KilnDiagnostics

/// What an import converted and what it could not: the counts it prints, and located
/// diagnostics (warnings for what was skipped, notes for what was adapted).
public struct ImportReport: Sendable {
  /// One converted kind (hosts, groups, variables, overrides, secrets, …) with its count.
  public struct Line: Sendable, Hashable {
    /// What was converted.
    public var kind: String
    /// How many.
    public var count: Int
    /// Where they went or came from.
    public var detail: String
  }

  /// The converted kinds, in the order the import produced them.
  public var converted: [Line] = []
  /// Skipped constructs (warnings) and adaptations (notes), sorted by location.
  public var diagnostics: [Diagnostic] = []

  /// An empty report.
  public init() {}

  /// Records `count` items of `kind`.
  public mutating func record(_ kind: String, _ count: Int, _ detail: String) {
    converted.append(Line(kind: kind, count: count, detail: detail))
  }

  /// The count recorded for `kind` (summed), 0 when none.
  public func count(of kind: String) -> Int {
    converted.filter { $0.kind == kind }.reduce(0) { $0 + $1.count }
  }

  /// Whether anything was skipped (a warning or error): the import then exits 1.
  public var hasSkipped: Bool { diagnostics.contains { $0.severity <= .warning } }

  /// The report as printed: converted counts, then what was not imported, then notes.
  public func text(destination: String) -> String {
    var lines = ["imported into \(destination):"]
    let width = converted.map(\.kind.count).max() ?? 0
    for line in converted {
      let padding = String(repeating: " ", count: width - line.kind.count)
      lines.append("  \(line.kind)\(padding)  \(line.count)  \(line.detail)")
    }
    let sorted = diagnostics.sorted {
      ($0.severity, $0.location ?? .file(""), $0.message)
        < ($1.severity, $1.location ?? .file(""), $1.message)
    }
    let skipped = sorted.filter { $0.severity <= .warning }
    let notes = sorted.filter { $0.severity > .warning }
    if !skipped.isEmpty {
      lines.append("not imported (\(skipped.count)):")
      lines += skipped.map { "  \($0)" }
    }
    if !notes.isEmpty {
      lines.append("notes (\(notes.count)):")
      lines += notes.map { "  \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
