import Jinja
import KilnDiagnostics
import KilnFormats
import KilnGit
import KilnModel
import KilnYAML

/// One `patches:` entry of an overlay, compiled: merge the rendered `fragment` into the host's
/// file `file` with `kind`.
struct OverlayPatch: Sendable {
  var overlay: String
  /// The destination path the patch changes (`mariadb/galera.cnf`).
  var file: String
  var kind: MergeKind
  var options: MergeOptions
  /// Repository path of the fragment (for messages).
  var fragmentPath: String
  var fragment: Template
  /// The `patches:` entry, the line to edit when the patch fails.
  var location: SourceLocation

  static let keys = ["file", "merge", "with", "whitespace", "extend_lists"]

  /// Reads and compiles one entry; fragments are templates rendered with `lstrip_blocks` on,
  /// as kolla-ansible renders `merge_configs` sources.
  static func read(
    _ entry: YAMLNode, of overlay: OverlayDefinition, engine: Jinja.Environment,
    source: any SourceTree
  ) throws(DiagnosticsError) -> OverlayPatch {
    guard case .mapping(let pairs) = entry.content else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN150", message: "a patch must be a mapping {file, merge, with}",
          location: entry.location, hint: "write `- {file: svc/x.conf, merge: ini, with: x.conf}`"))
    }
    var fields: [String: YAMLNode] = [:]
    for pair in pairs {
      let key = pair.key.string ?? ""
      guard keys.contains(key) else {
        let close =
          Suggestion.closest(to: key, among: keys).map { " (did you mean '\($0)'?)" } ?? ""
        throw DiagnosticsError(
          Diagnostic(
            id: "KLN150", message: "unknown patch key '\(key)'\(close)",
            location: pair.key.location, hint: "patch keys: " + keys.joined(separator: ", ")))
      }
      fields[key] = pair.value
    }
    let file = try required("file", fields, entry)
    let kindName = try required("merge", fields, entry)
    let with = try required("with", fields, entry)
    guard let kind = MergeKind(rawValue: kindName.text) else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN151", message: "unknown merge kind '\(kindName.text)'",
          location: kindName.location,
          hint: "use one of " + MergeKind.allCases.map(\.rawValue).joined(separator: ", ")))
    }
    let path = "\(overlay.directory)/\(with.text)"
    guard let bytes = try? source.readFile(path) else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN152",
          message: "patch fragment '\(with.text)' does not exist in \(overlay.directory)",
          location: with.location, hint: "create \(path) or fix `with:`"))
    }
    let fragment: Template
    do {
      fragment = try engine.compile(String(decoding: bytes, as: UTF8.self), name: path)
    } catch let error as JinjaError {
      throw DiagnosticsError(TemplateDiagnostics.diagnostic(error))
    } catch {
      throw DiagnosticsError(Diagnostic(id: "KLN209", message: "\(error)", location: with.location))
    }
    var options = MergeOptions()
    if case .scalar(let scalar)? = fields["whitespace"]?.content,
      case .bool(let flag) = scalar.value
    {
      options.whitespace = flag
    }
    if case .scalar(let scalar)? = fields["extend_lists"]?.content,
      case .bool(let flag) = scalar.value
    {
      options.extendLists = flag
    }
    return OverlayPatch(
      overlay: overlay.name, file: file.text, kind: kind, options: options, fragmentPath: path,
      fragment: fragment, location: entry.location)
  }

  private static func required(_ key: String, _ fields: [String: YAMLNode], _ entry: YAMLNode)
    throws(DiagnosticsError) -> (text: String, location: SourceLocation)
  {
    guard let node = fields[key], let text = node.string, !text.isEmpty else {
      throw DiagnosticsError(
        Diagnostic(
          id: "KLN150", message: "patch needs a '\(key)' string", location: entry.location,
          hint: "write `- {file: svc/x.conf, merge: ini, with: x.conf}`"))
    }
    return (text, node.location)
  }

  /// Renders the fragment for a host and merges it into `base`.
  func apply(to base: [UInt8], baseName: String, variables: HostVariables) throws -> [UInt8] {
    let rendered = try fragment.render(variables)
    return try OverlayMerge.merge(
      kind: kind, base: MergeSource(file: baseName, bytes: base),
      patches: [MergeSource(file: fragmentPath, bytes: Array(rendered.utf8))], options: options)
  }
}
