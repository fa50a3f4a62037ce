import KilnDiagnostics
import KilnYAML

/// The `group_vars` or `host_vars` directory of one environment: the listing, read at load,
/// and each file's layer, parsed on first use (see `VarsFile`).
struct VarsDirectory: Sendable {
  /// One group's or host's files, in the order they apply.
  struct Entry: Sendable {
    var name: String
    var location: SourceLocation
    var files: [VarsFile]
  }

  var entries: [Entry] = []
  private var index: [String: Int] = [:]

  /// Every file of the directory, in listing order.
  var files: [VarsFile] { entries.flatMap(\.files) }

  /// The files of `name` (empty when there is none).
  func files(for name: String) -> [VarsFile] {
    index[name].map { entries[$0].files } ?? []
  }

  /// The layers of `name`, parsing its files on first use; files with errors give none.
  func layers(for name: String) -> [VariableLayer] {
    files(for: name).compactMap(\.contents.layer)
  }

  /// The errors of `name`'s files, parsing them on first use.
  func errors(for name: String) -> [Diagnostic] {
    files(for: name).flatMap(\.contents.errors)
  }

  static let extensions = [".yaml", ".yml"]

  /// Lists `<directory>/<name>.yaml|.yml` files and `<directory>/<name>/` directories of them;
  /// the files are parsed later, on first use.
  static func read(
    _ directory: String, label: String, environment: String, with reader: YAMLReader
  ) -> VarsDirectory {
    var result = VarsDirectory()
    guard let listing = reader.entries(directory) else { return result }
    func file(_ path: String, _ relative: String) -> VarsFile {
      VarsFile(path: path, relative: relative, environment: environment, source: reader.source)
    }
    for entry in listing {
      let path = "\(directory)/\(entry.name)"
      if entry.kind == .directory {
        var files: [VarsFile] = []
        for child in (reader.entries(path) ?? []) where child.kind != .directory {
          guard yamlStem(child.name) != nil else {
            reader.sink.add(ignored("\(path)/\(child.name)"))
            continue
          }
          files.append(file("\(path)/\(child.name)", "\(label)/\(entry.name)/\(child.name)"))
        }
        result.append(entry.name, .file(path), files)
      } else if let stem = yamlStem(entry.name) {
        result.append(stem, .file(path), [file(path, "\(label)/\(entry.name)")])
      } else {
        reader.sink.add(ignored(path))
      }
    }
    return result
  }

  private mutating func append(_ name: String, _ location: SourceLocation, _ files: [VarsFile]) {
    if let position = index[name] {
      entries[position].files += files
    } else {
      index[name] = entries.count
      entries.append(Entry(name: name, location: location, files: files))
    }
  }

  private static func yamlStem(_ name: String) -> String? {
    for suffix in extensions where name.hasSuffix(suffix) && name.count > suffix.count {
      return String(name.dropLast(suffix.count))
    }
    return nil
  }

  private static func ignored(_ path: String) -> Diagnostic {
    Diagnostic(
      id: ModelDiagnostics.ignoredFile, severity: .warning,
      message: "ignoring '\(path)': variable files end in .yaml or .yml", location: .file(path),
      hint: "rename it to end in .yaml")
  }
}
