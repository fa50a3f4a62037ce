import KilnDiagnostics
import KilnYAML

/// Turns kolla-ansible's `globals.yml` into a Kiln variables file, keeping its text (comments,
/// order, layout) byte for byte except where Kiln would read it differently from Ansible:
/// plain YAML 1.1 booleans (`yes`, `off`) and octals (`0755`) are rewritten to their YAML 1.2
/// spelling, and top-level variables whose Jinja references Ansible facts are commented out.
public struct GlobalsConversion: Sendable {
  /// The converted text.
  public var text: String
  /// The variables kept, with where each is set.
  public var variables: [(name: String, location: SourceLocation)]
  /// Facts references (skipped variables) and rewrites, located in the source.
  public var diagnostics: [Diagnostic]
  /// The top-level pairs named in `extracting`, commented out of `text` for the caller to
  /// convert.
  public var extracted: [YAMLPair] = []

  /// Converts `text`, the contents of `file`; throws a located error for invalid YAML or a
  /// document that is not a mapping. Top-level keys in `extracting` are commented out and
  /// returned in `extracted`.
  public init(text source: String, file: String, extracting: Set<String> = [])
    throws(ImportError)
  {
    let root = try Self.mapping(source, file: file)
    var lines = IniInventoryParser.lines(of: source).map(String.init)
    var diagnostics: [Diagnostic] = []
    var kept: [(name: String, location: SourceLocation)] = []
    var rewrites: [(location: SourceLocation, old: String, new: String)] = []
    var extractedPairs: [YAMLPair] = []
    let pairs = root.mappingPairs ?? []
    for (index, pair) in pairs.enumerated() {
      let name = pair.key.string ?? ""
      let end = index + 1 < pairs.count ? pairs[index + 1].key.location.line - 1 : lines.count
      if extracting.contains(name) {
        extractedPairs.append(pair)
        Self.commentOut(
          lines: pair.key.location.line...max(pair.key.location.line, end), in: &lines,
          reason: "converted")
        continue
      }
      let facts = InventoryValue(yaml: pair.value).strings.flatMap(FactReferences.facts(in:))
      if facts.isEmpty {
        kept.append((name, pair.key.location))
        Self.collectRewrites(pair.value, into: &rewrites)
        continue
      }
      diagnostics.append(
        Diagnostic(
          id: ImportDiagnostics.factReference, severity: .warning,
          message:
            "'\(name)' references Ansible facts (\(Self.unique(facts).joined(separator: ", "))), "
            + "which Kiln does not gather; not imported (commented out)",
          location: pair.key.location,
          hint: "set the value per host in host_vars (for example the address the fact gave)"))
      Self.commentOut(
        lines: pair.key.location.line...max(pair.key.location.line, end), in: &lines,
        reason: "not imported (Ansible facts)")
    }
    for rewrite in rewrites.reversed() where Self.replace(rewrite, in: &lines) {
      diagnostics.append(
        Diagnostic(
          id: ImportDiagnostics.yaml11Rewrite, severity: .note,
          message:
            "'\(rewrite.old)' is \(rewrite.new) for Ansible (YAML 1.1); written as \(rewrite.new)",
          location: rewrite.location))
    }
    diagnostics.sort { ($0.location ?? .file("")) < ($1.location ?? .file("")) }
    text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    variables = kept
    extracted = extractedPairs
    self.diagnostics = diagnostics
  }

  /// The document of `source` as a mapping (an empty document is an empty mapping).
  static func mapping(_ source: String, file: String) throws(ImportError) -> YAMLNode {
    let root: YAMLNode
    do {
      root = try YAMLParser.parse(source, file: file).root
    } catch {
      throw ImportError([error.diagnostic])
    }
    guard root.isNull || root.mappingPairs != nil else {
      throw ImportError(
        ImportDiagnostics.variablesFile,
        "\(file) must be a mapping of variables, found \(root.kindName)", at: root.location,
        hint: "write one 'name: value' per line")
    }
    return root
  }

  private static func unique(_ names: [String]) -> [String] {
    var result: [String] = []
    for name in names where !result.contains(name) { result.append(name) }
    return result
  }

  private static func collectRewrites(
    _ node: YAMLNode, into rewrites: inout [(location: SourceLocation, old: String, new: String)]
  ) {
    switch node.content {
    case .scalar(let scalar):
      guard scalar.style == .plain, let value = YAML11Scalar.value(of: scalar.text) else { return }
      let spelled: String
      switch value {
      case .bool(let flag): spelled = flag ? "true" : "false"
      case .int(let number): spelled = String(number)
      default: return
      }
      rewrites.append((node.location, scalar.text, spelled))
    case .sequence(let items): items.forEach { collectRewrites($0, into: &rewrites) }
    case .mapping(let pairs): pairs.forEach { collectRewrites($0.value, into: &rewrites) }
    }
  }

  /// Replaces the scalar at its line and column when the text there is what was parsed.
  private static func replace(
    _ rewrite: (location: SourceLocation, old: String, new: String), in lines: inout [String]
  ) -> Bool {
    let lineIndex = rewrite.location.line - 1
    guard lines.indices.contains(lineIndex) else { return false }
    var scalars = Array(lines[lineIndex].unicodeScalars)
    let start = rewrite.location.column - 1
    let old = Array(rewrite.old.unicodeScalars)
    guard start >= 0, start + old.count <= scalars.count,
      Array(scalars[start..<(start + old.count)]) == old
    else { return false }
    scalars.replaceSubrange(start..<(start + old.count), with: rewrite.new.unicodeScalars)
    var line = ""
    line.unicodeScalars.append(contentsOf: scalars)
    lines[lineIndex] = line
    return true
  }

  private static func commentOut(
    lines range: ClosedRange<Int>, in lines: inout [String], reason: String
  ) {
    for number in range where lines.indices.contains(number - 1) {
      let line = lines[number - 1]
      let trimmed = line.trimmingWhitespace()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      lines[number - 1] = "# kiln import: \(reason): " + line
    }
  }
}
