import KilnDiagnostics

/// kolla-ansible's `merge_configs`: sources merged in order into one INI file.
public enum IniMerge {
  /// Merges `sources` in order: sections in first-seen order; a key keeps its first-seen
  /// position and a later source replaces all of its values.
  public static func merge(_ sources: [IniDocument]) -> IniDocument {
    var result = IniDocument()
    for source in sources {
      for section in source.sections {
        let index: Int
        if let existing = result.sectionIndex(named: section.name) {
          index = existing
        } else {
          result.sections.append(IniSection(name: section.name, location: section.location))
          index = result.sections.count - 1
        }
        for entry in section.entries {
          if let position = result.sections[index].entryIndex(forKey: entry.key) {
            result.sections[index].entries[position].values = entry.values
            result.sections[index].entries[position].location = entry.location
          } else {
            result.sections[index].entries.append(entry)
          }
        }
      }
    }
    return result
  }

  /// Parses each named source and merges them, then writes the result as kolla does.
  public static func merge(
    _ sources: [(file: String, bytes: [UInt8])], whitespace: Bool = true
  ) throws(DiagnosticsError) -> [UInt8] {
    var documents: [IniDocument] = []
    for source in sources {
      documents.append(try IniParser.parse(source.bytes, file: source.file))
    }
    return Array(IniWriter.write(merge(documents), whitespace: whitespace).utf8)
  }
}
