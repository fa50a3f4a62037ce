import Jinja
import KilnDiagnostics
import KilnFormats
import KilnGit
import KilnModel

/// An overlay's kolla-ansible `node_custom_config` tree (`overlays/<name>/config/…`), so an
/// existing `/etc/kolla/config` directory imports unchanged. Lookup follows kolla's roles: for a
/// rendered file `<service>/<file>`, INI files merge `config/<file>`, `config/<service>/<file>`
/// and `config/<service>/<host>/<file>` in that order (`merge_configs`); YAML files merge the same
/// sources (`merge_yaml`); every other format is replaced whole by the first found of
/// `config/<service>/<host>/<file>` and `config/<service>/<file>` (`with_first_found`). Sources are
/// templates, rendered with `lstrip_blocks` on.
struct CustomConfigTree: Sendable {
  /// Compiled sources by path relative to `config/`.
  private var sources: [String: (path: String, template: Template)]

  static func load(overlay: OverlayDefinition, engine: Jinja.Environment, source: any SourceTree)
    throws(DiagnosticsError) -> CustomConfigTree?
  {
    let root = "\(overlay.directory)/config"
    let paths: [String]
    do {
      guard let found = try source.filePaths(under: root), !found.isEmpty else { return nil }
      paths = found
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
    var sources: [String: (path: String, template: Template)] = [:]
    var problems: [Diagnostic] = []
    for path in paths {
      let full = path.hasPrefix(root + "/") ? path : "\(root)/\(path)"
      let relative = String(full.dropFirst(root.count + 1))
      do {
        let bytes = try source.requireFile(full)
        sources[relative] = (
          full, try engine.compile(String(decoding: bytes, as: UTF8.self), name: full)
        )
      } catch let error as JinjaError {
        problems.append(TemplateDiagnostics.diagnostic(error))
      } catch let error as GitError {
        problems.append(error.diagnostic)
      } catch {
        problems.append(Diagnostic(id: "KLN209", message: "\(error)", location: .file(full)))
      }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return CustomConfigTree(sources: sources)
  }

  /// Applies the tree to every file of one host.
  func apply(to files: inout [RenderedFile], host: String, variables: HostVariables)
    -> [Diagnostic]
  {
    var problems: [Diagnostic] = []
    for index in files.indices {
      let path = files[index].path
      let format = files[index].format
      let found = sources(for: path, format: format, host: host)
      guard !found.isEmpty else { continue }
      do {
        if let kind = Self.mergeKind(format) {
          var patches: [MergeSource] = []
          for source in found {
            patches.append(
              MergeSource(
                file: source.path, bytes: Array(try source.template.render(variables).utf8)))
          }
          files[index].contents = try OverlayMerge.merge(
            kind: kind, base: MergeSource(file: path, bytes: files[index].contents),
            patches: patches)
        } else if let replacement = found.first {
          files[index].contents = Array(try replacement.template.render(variables).utf8)
        }
      } catch {
        problems.append(
          OverlayPatchStage.located(error, at: .file(path), overlay: "node_custom_config"))
      }
    }
    return problems
  }

  /// The tree's sources for the rendered file `path` of `host`, in the order they apply: every
  /// one found for merged formats, the first found for the others (which replace the file).
  func sources(for path: String, format: String, host: String) -> [(
    path: String, template: Template
  )] {
    let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return [] }
    let (service, file) = (parts[0], parts[1])
    let name = file.split(separator: "/").last.map(String.init) ?? file
    if Self.mergeKind(format) != nil {
      return ["\(name)", "\(service)/\(file)", "\(service)/\(host)/\(file)"]
        .compactMap { sources[$0] }
    }
    return (sources["\(service)/\(host)/\(file)"] ?? sources["\(service)/\(file)"]).map { [$0] }
      ?? []
  }

  /// How files of `format` are merged with the tree's sources; nil: they are replaced.
  private static func mergeKind(_ format: String) -> MergeKind? {
    switch format {
    case "ini": .ini
    case "yaml": .yaml
    default: nil
    }
  }
}
