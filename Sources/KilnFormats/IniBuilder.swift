import KilnDiagnostics

/// Builds an `IniDocument` with hashed look-ups of sections and keys (by exact UTF-8 bytes,
/// as Python compares strings), so that large files parse and merge in linear time.
struct IniBuilder {
  /// The document so far.
  private(set) var document = IniDocument()
  private var sectionPositions: [[UInt8]?: Int] = [:]
  private var entryPositions: [EntryKey: Int] = [:]

  /// A key within a section.
  private struct EntryKey: Hashable {
    var section: Int
    var key: [UInt8]
  }

  /// The index of section `name` (`nil`: the orphan block), appended when first seen.
  mutating func section(named name: String?, location: SourceLocation?) -> Int {
    let identity = name.map { Array($0.utf8) }
    if let index = sectionPositions[identity] { return index }
    document.sections.append(IniSection(name: name, location: location))
    sectionPositions[identity] = document.sections.count - 1
    return document.sections.count - 1
  }

  /// Adds one occurrence of `key` (a key repeated within one source keeps every value).
  mutating func addOccurrence(
    key: String, value: [String], location: SourceLocation?, section: Int
  ) {
    let identity = EntryKey(section: section, key: Array(key.utf8))
    if let index = entryPositions[identity] {
      document.sections[section].entries[index].values.append(value)
    } else {
      entryPositions[identity] = document.sections[section].entries.count
      document.sections[section].entries.append(
        IniEntry(key: key, values: [value], location: location))
    }
  }

  /// Sets `entry` in `section`: a later source replaces all values of a key, which keeps its
  /// first-seen position.
  mutating func replace(_ entry: IniEntry, section: Int) {
    let identity = EntryKey(section: section, key: Array(entry.key.utf8))
    if let index = entryPositions[identity] {
      document.sections[section].entries[index].values = entry.values
      document.sections[section].entries[index].location = entry.location
    } else {
      entryPositions[identity] = document.sections[section].entries.count
      document.sections[section].entries.append(entry)
    }
  }
}
