import KilnDiagnostics
import KilnYAML

/// A kolla `/etc/kolla/config` directory as a Kiln overlay carrying a `node_custom_config`
/// tree (`overlays/<name>/config/…`), every file kept byte for byte, plus the service files the
/// repository's templates render, to report overrides that nothing renders.
public enum ConfigOverlay {
  /// The overlay's files for `directory`, applying to `environment`.
  public static func files(
    from directory: String, overlay name: String, environment: String
  ) throws(ImportError) -> [RepositoryFile] {
    var files = [
      RepositoryFile(
        path: "overlays/\(name)/overlay.yaml",
        text: """
          # kolla-ansible node_custom_config imported from \(directory) by `kiln import`; the
          # files under config/ are kept byte for byte and looked up as kolla-ansible does.
          description: kolla-ansible node_custom_config imported from \(directory)
          applies-to: {envs: [\(environment)]}

          """)
    ]
    for path in try InputFiles.files(under: directory) {
      files.append(
        RepositoryFile(
          path: "overlays/\(name)/config/\(path)",
          bytes: try InputFiles.bytes("\(directory)/\(path)")))
    }
    return files
  }

  /// Notes for override files (relative to the config directory) that no rendered file of
  /// `services` picks up: kolla's lookup is `config/<file>` (INI/YAML merges),
  /// `config/<service>/<file>` and `config/<service>/<host>/<file>`.
  public static func unrendered(
    _ paths: [String], directory: String, services: [ServiceFiles], hosts: Set<String>
  ) -> [Diagnostic] {
    var notes: [Diagnostic] = []
    for path in paths {
      let parts = path.split(separator: "/").map(String.init)
      let rendered: Bool
      switch parts.count {
      case 1:
        rendered = services.contains { service in
          service.files.contains {
            $0.mergeable && $0.destination.split(separator: "/").last.map(String.init) == parts[0]
          }
        }
      case 2, 3:
        if parts.count == 3 && !hosts.contains(parts[1]) {
          rendered = false
        } else {
          let destination = "\(parts[0])/\(parts[parts.count - 1])"
          rendered = services.contains { $0.files.contains { $0.destination == destination } }
        }
      default:
        rendered = false
      }
      if !rendered {
        notes.append(
          Diagnostic(
            id: ImportDiagnostics.unrenderedOverride, severity: .note,
            message: "kept in the overlay; no service of the repository's templates renders it",
            location: .file("\(directory)/\(path)")))
      }
    }
    return notes
  }
}

/// The files one service of a Kiln repository renders (`templates/<dir>/service.yaml`).
public struct ServiceFiles: Sendable, Hashable {
  /// One rendered file.
  public struct File: Sendable, Hashable {
    /// Where it is rendered, `<service>/<file>`.
    public var destination: String
    /// Whether kolla merges overrides into it (INI or YAML) rather than replacing it.
    public var mergeable: Bool
  }

  /// The service's name.
  public var name: String
  /// Its rendered files.
  public var files: [File]

  /// Reads a `service.yaml`; nil when it is not one.
  public static func read(_ text: String, file: String) -> ServiceFiles? {
    guard let root = try? YAMLParser.parse(text, file: file).root, let name = root["name"]?.string
    else { return nil }
    let files = (root["files"]?.sequenceItems ?? []).compactMap { item -> File? in
      guard let destination = item["dest"]?.string else { return nil }
      let format = item["format"]?.string ?? ""
      return File(destination: destination, mergeable: format == "ini" || format == "yaml")
    }
    return ServiceFiles(name: name, files: files)
  }
}
