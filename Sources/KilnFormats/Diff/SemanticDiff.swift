import KilnDiagnostics

/// Compares two versions of a file in its format: by section/key, path, directive or name
/// where the format has structure, by line otherwise.
public enum SemanticDiff {
  /// How array elements are matched: by position, or by an identity key where the file's
  /// domain has one (firmware RAID logical disks by `volume_name`, BIOS settings by `name`).
  public enum ArrayMatching: Sendable, Hashable {
    /// Elements are compared by index.
    case byPosition
    /// Arrays of objects with a distinct string under one of these keys match by it.
    case byKey([String])

    /// The keys firmware documents are matched by.
    public static let firmware = ArrayMatching.byKey(["volume_name", "name", "Name"])
  }

  /// Compares `old` and `new` bytes of `file` in `format` (a `FileFormat` raw value; unknown
  /// formats compare as text).
  public static func compare(
    old: [UInt8], new: [UInt8], format: String, file: String,
    arrays: ArrayMatching = .byPosition
  ) -> FileComparison {
    if old == new { return .identical }
    guard let oldText = String(validating: old, as: UTF8.self),
      let newText = String(validating: new, as: UTF8.self)
    else {
      return FileComparison(outcome: .binary)
    }
    let known = FileFormat(rawValue: format) ?? .text
    if known == .text { return lines(oldText, newText) }
    let oldEntries: [DiffPaths.Entry]
    let newEntries: [DiffPaths.Entry]
    do {
      oldEntries = try entries(old, format: known, file: file, arrays: arrays)
    } catch {
      return lines(oldText, newText, note: note(error, side: "old"))
    }
    do {
      newEntries = try entries(new, format: known, file: file, arrays: arrays)
    } catch {
      return lines(oldText, newText, note: note(error, side: "new"))
    }
    return compare(oldEntries, newEntries)
  }

  /// Compares two path/value lists: paths in new order, removed paths where they stood.
  static func compare(_ old: [DiffPaths.Entry], _ new: [DiffPaths.Entry]) -> FileComparison {
    let oldMap = uniqueMap(old)
    let newMap = uniqueMap(new)
    var changes: [SemanticChange] = []
    for (path, value) in uniqueList(new) {
      if let before = oldMap[path] {
        if before != value {
          changes.append(SemanticChange(kind: .changed, path: path, old: before, new: value))
        }
      } else {
        changes.append(SemanticChange(kind: .added, path: path, old: nil, new: value))
      }
    }
    for (path, value) in uniqueList(old) where newMap[path] == nil {
      changes.append(SemanticChange(kind: .removed, path: path, old: value, new: nil))
    }
    if !changes.isEmpty { return FileComparison(outcome: .semantic, changes: changes) }
    let sameOrder = uniqueList(old).map(\.path) == uniqueList(new).map(\.path)
    return FileComparison(outcome: .cosmetic, cosmetic: sameOrder ? .formatting : .ordering)
  }

  /// A unified diff of two texts.
  static func lines(_ old: String, _ new: String, note: String? = nil) -> FileComparison {
    let hunks = LineDiff.hunks(old: LineDiff.lines(of: old), new: LineDiff.lines(of: new))
    if hunks.isEmpty {
      return FileComparison(outcome: .cosmetic, cosmetic: .formatting, note: note)
    }
    return FileComparison(outcome: .lines, hunks: hunks, note: note)
  }

  static func entries(
    _ bytes: [UInt8], format: FileFormat, file: String, arrays: ArrayMatching
  ) throws(DiagnosticsError) -> [DiffPaths.Entry] {
    let parsed = try FormatCodec.parse(bytes, format: format, file: file)
    switch parsed {
    case .ini(let document): return DiffPaths.ini(document)
    case .json(let document):
      guard case .byKey(let keys) = arrays else { return DiffPaths.json(document.value) }
      return DiffPaths.json(document.value, keyedBy: keys)
    case .yaml(let document): return DiffPaths.yaml(document.root)
    case .fluentd(let config): return DiffPaths.fluentd(config)
    default: return parsed.semanticEntries()
    }
  }

  private static func note(_ error: DiagnosticsError, side: String) -> String {
    let first = error.diagnostics.first.map { $0.description } ?? "parse error"
    return "the \(side) version does not parse, compared by line: \(first)"
  }

  /// Entries with repeated paths disambiguated by `#2`, `#3`, … so every path is unique.
  private static func uniqueList(_ entries: [DiffPaths.Entry]) -> [DiffPaths.Entry] {
    var seen: [String: Int] = [:]
    return entries.map { entry in
      let count = seen[entry.path, default: 0] + 1
      seen[entry.path] = count
      return (count == 1 ? entry.path : "\(entry.path)#\(count)", entry.value)
    }
  }

  private static func uniqueMap(_ entries: [DiffPaths.Entry]) -> [String: String] {
    Dictionary(uniqueList(entries).map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
  }
}
