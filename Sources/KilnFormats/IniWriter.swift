/// Writes an `IniDocument` byte for byte as kolla-ansible's `OverrideConfigParser.write` does.
public enum IniWriter {
  /// The text: each section's header (none for the orphan block), one `key = value` line per
  /// occurrence, continuation lines indented under the first, an empty value as `key =`, and a
  /// blank line after every section. `whitespace: false` writes `key=value` (kolla's option).
  public static func write(_ document: IniDocument, whitespace: Bool = true) -> String {
    let space = whitespace ? " " : ""
    var output = ""
    for section in document.sections {
      if let name = section.name { output += "[\(name)]\n" }
      for entry in section.entries {
        let indent = String(
          repeating: " ", count: entry.key.unicodeScalars.count + space.count * 2 + 1)
        for value in entry.values {
          if value.isEmpty { output += "\(entry.key)\(space)=\n" }
          for (index, line) in value.enumerated() {
            output += index == 0 ? "\(entry.key)\(space)=\(space)\(line)\n" : "\(indent)\(line)\n"
          }
        }
      }
      output += "\n"
    }
    return output
  }
}
