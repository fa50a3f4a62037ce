import KilnDiagnostics

/// An INI file as kolla-ansible's `merge_configs` reads it: sections in first-seen order, keys in
/// first-seen order, every occurrence of a repeated key kept, comments dropped.
public struct IniDocument: Sendable, Hashable {
  /// The section name kolla gives to keys before any section header; a section written with
  /// this name merges with those keys, exactly as in kolla.
  public static let orphanSectionName = "TEMPORARY_ORPHAN_VARIABLE_SECTION"

  /// The sections, in first-seen order; the orphan block has `name == nil`.
  public var sections: [IniSection]

  /// Creates a document.
  public init(sections: [IniSection] = []) {
    self.sections = sections
  }

  /// The index of the section named `name` (`nil` for the orphan block), compared by scalars.
  func sectionIndex(named name: String?) -> Int? {
    sections.firstIndex { section in
      switch (section.name, name) {
      case (nil, nil): true
      case (let a?, let b?): a.scalarsEqual(b)
      default: false
      }
    }
  }

  /// Path/value pairs for a semantic diff: `section.key` (orphans: `key`), values joined by
  /// `\n`, a repeated key as `section.key[1]`, `[2]`, … from the second occurrence on.
  public func semanticEntries() -> [(path: String, value: String)] {
    var result: [(path: String, value: String)] = []
    for section in sections {
      let prefix = section.name.map { "\($0)." } ?? ""
      if section.entries.isEmpty, let name = section.name { result.append((name, "")) }
      for entry in section.entries {
        for (index, value) in entry.values.enumerated() {
          let suffix = index == 0 ? "" : "[\(index)]"
          result.append((prefix + entry.key + suffix, value.joined(separator: "\n")))
        }
      }
    }
    return result
  }
}

/// One section: its name (`nil` for keys before any header) and its keys.
public struct IniSection: Sendable, Hashable {
  /// The name between the brackets, verbatim; `nil` for the header-less block.
  public var name: String?
  /// The keys, in first-seen order.
  public var entries: [IniEntry]
  /// Where the section was first seen.
  public var location: SourceLocation?

  /// Creates a section.
  public init(name: String?, entries: [IniEntry] = [], location: SourceLocation? = nil) {
    self.name = name
    self.entries = entries
    self.location = location
  }

  /// The index of the key `key`, compared by scalars.
  func entryIndex(forKey key: String) -> Int? {
    entries.firstIndex { $0.key.scalarsEqual(key) }
  }
}

/// One key with every value it was given: each occurrence is a list of lines (the first line,
/// then continuation lines); an empty value is an empty list.
public struct IniEntry: Sendable, Hashable {
  /// The key, stripped.
  public var key: String
  /// One element per occurrence; each occurrence's lines.
  public var values: [[String]]
  /// Where the key was first assigned.
  public var location: SourceLocation?

  /// Creates an entry.
  public init(key: String, values: [[String]], location: SourceLocation? = nil) {
    self.key = key
    self.values = values
    self.location = location
  }
}
