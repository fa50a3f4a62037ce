import Jinja
import KilnDiagnostics
import KilnFormats
import KilnGit
import KilnModel

/// Layer 6 of design §2: the file patches of the overlays that apply to a host, in the
/// environment's overlay order — explicit `patches:` entries, then the overlay's kolla
/// `node_custom_config` tree (`config/<service>/<file>`, `config/<service>/<host>/<file>`).
struct OverlayPatchStage: Sendable {
  private var patches: [String: [OverlayPatch]]
  private var trees: [String: CustomConfigTree]

  /// Compiles every patch of every overlay the environment lists.
  static func compile(environment: ResolvedEnvironment, source: any SourceTree)
    throws(DiagnosticsError) -> OverlayPatchStage
  {
    var patches: [String: [OverlayPatch]] = [:]
    var trees: [String: CustomConfigTree] = [:]
    var problems: [Diagnostic] = []
    for overlay in environment.overlays {
      let engine = Jinja.Environment(
        loader: RepositoryTemplateLoader(source: source, directories: [overlay.directory]),
        options: TemplateOptions(trimBlocks: true, lstripBlocks: true, keepTrailingNewline: false),
        globals: TemplateGlobals.make(source: source), filters: KilnFilters.all)
      for entry in overlay.patches {
        do {
          patches[overlay.name, default: []].append(
            try OverlayPatch.read(entry, of: overlay, engine: engine, source: source))
        } catch {
          problems += error.diagnostics
        }
      }
      do {
        trees[overlay.name] = try CustomConfigTree.load(
          overlay: overlay, engine: engine, source: source)
      } catch {
        problems += error.diagnostics
      }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return OverlayPatchStage(patches: patches, trees: trees)
  }

  /// Applies the patches of the overlays that apply to the host to its rendered `files`.
  /// `renderable` lists every destination the host's services render (also those filtered out
  /// of this run), so that a patch naming a file no service renders is an error while a patch
  /// for a file outside `--service` is skipped.
  func apply(
    to files: inout [RenderedFile], host: String, renderable: Set<String>,
    variables: HostVariables, environment: ResolvedEnvironment
  ) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    for overlay in environment.overlays(forHost: host) {
      for patch in patches[overlay.name] ?? [] {
        guard let index = files.firstIndex(where: { $0.path == patch.file }) else {
          if !renderable.contains(patch.file) {
            problems.append(
              Diagnostic(
                id: "KLN153",
                message:
                  "overlay \(patch.overlay) patches \(patch.file), which \(host) does not render",
                location: patch.location,
                hint: "files of \(host): " + renderable.sorted().joined(separator: ", ")))
          }
          continue
        }
        do {
          files[index].contents = try patch.apply(
            to: files[index].contents, baseName: files[index].path, variables: variables)
        } catch {
          problems.append(Self.located(error, at: patch.location, overlay: patch.overlay))
        }
      }
      if let tree = trees[overlay.name] {
        problems += tree.apply(to: &files, host: host, variables: variables)
      }
    }
    return problems
  }

  /// The templates that patch the rendered file `path` (format `format`) of `host`, in the
  /// order they apply: each `patches:` fragment naming the file, then the overlay's kolla
  /// config tree sources for it, overlay by overlay.
  func fragments(
    of path: String, format: String, host: String, environment: ResolvedEnvironment
  ) -> [Template] {
    var result: [Template] = []
    for overlay in environment.overlays(forHost: host) {
      result += (patches[overlay.name] ?? []).filter { $0.file == path }.map(\.fragment)
      result += (trees[overlay.name]?.sources(for: path, format: format, host: host) ?? []).map(
        \.template)
    }
    return result
  }

  static func located(_ error: any Error, at location: SourceLocation, overlay: String)
    -> Diagnostic
  {
    switch error {
    case let error as JinjaError:
      return TemplateDiagnostics.diagnostic(error)
    case let error as DiagnosticsError:
      var first =
        error.diagnostics.first
        ?? Diagnostic(id: "KLN154", message: "patch failed", location: location)
      first.related.append(RelatedLocation(location, note: "patch of overlay \(overlay)"))
      return first
    default:
      return Diagnostic(id: "KLN154", message: "\(error)", location: location)
    }
  }
}
