import KilnDiagnostics
import KilnGit
import KilnYAML
import Synchronization

/// One group_vars or host_vars file, read and parsed on first use, exactly once per run.
///
/// Estates hold thousands of host_vars files while rendering one host reads a handful, so the
/// listing is kept at load and each file's layer is parsed when a host first needs it (or all
/// at once, in parallel, with `parseAll`). Thread-safe: the first caller parses while holding
/// the file's lock, later callers get the remembered result.
final class VarsFile: Sendable {
  /// The file's path in the source tree (`environments/prod/host_vars/ctl01.yaml`).
  let path: String
  /// The path inside the environment as layers name it (`host_vars/ctl01.yaml`).
  let relative: String
  /// The environment whose directory holds the file.
  let environment: String
  private let source: any SourceTree
  private let memo = Mutex<VarsFileContents?>(nil)

  init(path: String, relative: String, environment: String, source: any SourceTree) {
    self.path = path
    self.relative = relative
    self.environment = environment
    self.source = source
  }

  /// The file's layer and findings, parsing the file if no one has yet.
  var contents: VarsFileContents {
    memo.withLock { known in
      if let known { return known }
      let parsed = parse()
      known = parsed
      return parsed
    }
  }

  /// The contents if the file has been parsed already; nil otherwise (nothing is parsed).
  var parsedContents: VarsFileContents? { memo.withLock { $0 } }

  /// Parses every file of `files` not parsed yet, in parallel.
  static func parseAll(_ files: [VarsFile]) {
    _ = files.filter { $0.parsedContents == nil }.concurrentMap { $0.contents }
  }

  private func parse() -> VarsFileContents {
    let sink = DiagnosticSink()
    let reader = YAMLReader(source: source, sink: sink)
    let layer = reader.document(path).flatMap { root in
      Self.layer(root, relative: relative, environment: environment, reader: reader)
    }
    if let layer { LayerValidation.checkTags(layer, sink: sink) }
    return VarsFileContents(layer: layer, diagnostics: sink.diagnostics)
  }

  /// The layer of a parsed root: nil for an empty file; a non-mapping is reported.
  private static func layer(
    _ root: YAMLNode, relative: String, environment: String, reader: YAMLReader
  ) -> VariableLayer? {
    if case .scalar(let scalar) = root.content, scalar.value == .null { return nil }
    guard case .mapping = root.content else {
      reader.sink.add(
        ModelDiagnostics.wrongType(
          relative, expected: "a mapping of variable names to values",
          found: root.kindDescription, at: root.location,
          hint: "write 'name: value' lines at the top level of the file"))
      return nil
    }
    return VariableLayer(description: "\(relative) (env \(environment))", node: root)
  }
}

/// What parsing one vars file gave: its layer (nil when empty or unusable) and its findings.
struct VarsFileContents: Sendable {
  /// The file's variables; nil for an empty file or one with errors in its shape.
  var layer: VariableLayer?
  /// Every finding of the file (YAML errors and warnings, wrong top-level type, bad tags).
  var diagnostics: [Diagnostic]

  /// The findings that are errors.
  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
