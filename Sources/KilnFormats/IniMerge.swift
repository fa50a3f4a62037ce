import KilnDiagnostics

/// kolla-ansible's `merge_configs`: sources merged in order into one INI file.
public enum IniMerge {
  /// Merges `sources` in order: sections in first-seen order; a key keeps its first-seen
  /// position and a later source replaces all of its values.
  public static func merge(_ sources: [IniDocument]) -> IniDocument {
    var builder = IniBuilder()
    for source in sources {
      for section in source.sections {
        let index = builder.section(named: section.name, location: section.location)
        for entry in section.entries { builder.replace(entry, section: index) }
      }
    }
    return builder.document
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
