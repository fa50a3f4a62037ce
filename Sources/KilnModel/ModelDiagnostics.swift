import KilnDiagnostics

/// The repository model's diagnostics (`KLN110`…`KLN139`), each defined once with its hint.
public enum ModelDiagnostics {
  /// A key that the file's format does not define.
  public static let unknownKey: DiagnosticID = "KLN110"
  /// A node of the wrong kind (a list where a mapping was expected, …).
  public static let wrongType: DiagnosticID = "KLN111"
  /// A required file or key is missing.
  public static let missing: DiagnosticID = "KLN112"
  /// `kiln:` names a repository format this version does not read.
  public static let unsupportedFormat: DiagnosticID = "KLN113"
  /// An environment name that no `environments/<name>/env.yaml` defines.
  public static let unknownEnvironment: DiagnosticID = "KLN114"
  /// `inherits:` forms a cycle.
  public static let inheritanceCycle: DiagnosticID = "KLN115"
  /// `host_vars` for a host that no inventory of the environment lists.
  public static let hostNotInInventory: DiagnosticID = "KLN116"
  /// `group_vars` for a group that no inventory of the environment declares.
  public static let unknownGroupVars: DiagnosticID = "KLN117"
  /// Two services declare the same name.
  public static let duplicateService: DiagnosticID = "KLN118"
  /// A file a service or overlay refers to does not exist.
  public static let missingFile: DiagnosticID = "KLN119"
  /// A service name that no `templates/<dir>/service.yaml` declares.
  public static let unknownService: DiagnosticID = "KLN120"
  /// An overlay name that no `overlays/<name>/overlay.yaml` defines.
  public static let unknownOverlay: DiagnosticID = "KLN121"
  /// Two services' `defaults.yaml` give one key different values.
  public static let conflictingDefaults: DiagnosticID = "KLN122"
  /// A Kiln tag used where it has no meaning (`!append` on a mapping, …).
  public static let invalidTag: DiagnosticID = "KLN123"
  /// Values whose `{{ }}` expressions refer to each other in a cycle.
  public static let valueCycle: DiagnosticID = "KLN124"
  /// A `{{ }}` expression in a value failed to compile or evaluate.
  public static let valueTemplate: DiagnosticID = "KLN125"
  /// A malformed `--set NAME=VALUE`.
  public static let invalidOverride: DiagnosticID = "KLN126"
  /// A value outside what the key accepts (a file mode, a format name, …).
  public static let invalidValue: DiagnosticID = "KLN127"
  /// `applies-to` names a group or host that no inventory declares.
  public static let unknownTarget: DiagnosticID = "KLN128"
  /// A host name that the environment's inventory does not list.
  public static let unknownHost: DiagnosticID = "KLN129"
  /// A file that could not be read or is not UTF-8 text.
  public static let unreadable: DiagnosticID = "KLN130"
  /// A service's `hosts:` group that the environment's inventory does not declare.
  public static let unknownServiceGroup: DiagnosticID = "KLN131"
  /// Inventory `children:` that make a group its own descendant.
  public static let groupCycle: DiagnosticID = "KLN132"
  /// A mapping key that is not a scalar.
  public static let complexKey: DiagnosticID = "KLN133"
  /// A file in a `group_vars`/`host_vars` directory that is not `.yaml`/`.yml`.
  public static let ignoredFile: DiagnosticID = "KLN134"
  /// A name used twice where names must be unique (an overlay listed twice, …).
  public static let duplicateName: DiagnosticID = "KLN135"
  /// An overlay that no environment lists in `overlays:`, so it never applies.
  public static let unusedOverlay: DiagnosticID = "KLN136"
  /// A `{{ }}` expression in a value reads a variable that is undefined for the host.
  public static let undefinedReference: DiagnosticID = "KLN137"

  static func unknownKey(
    _ key: String, at location: SourceLocation, in what: String, allowed: [String]
  ) -> Diagnostic {
    let suggestion = Suggestion.closest(to: key, among: allowed)
    let hint =
      suggestion.map { "did you mean '\($0)'? Known keys: \(allowed.joined(separator: ", "))" }
      ?? "known keys: \(allowed.joined(separator: ", "))"
    return Diagnostic(
      id: unknownKey, message: "unknown key '\(key)' in \(what)", location: location, hint: hint)
  }

  static func wrongType(
    _ what: String, expected: String, found: String, at location: SourceLocation,
    hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      id: wrongType, message: "\(what) must be \(expected), found \(found)", location: location,
      hint: hint ?? "write \(what) as \(expected)")
  }

  static func unknownName(
    _ id: DiagnosticID, kind: String, name: String, at location: SourceLocation?,
    known: [String]
  ) -> Diagnostic {
    let suggestion = Suggestion.closest(to: name, among: known)
    let shown = known.count > 12 ? known.prefix(12) + ["…"] : known[...]
    let list = known.isEmpty ? "none are defined" : "known: \(shown.joined(separator: ", "))"
    let hint = suggestion.map { "did you mean '\($0)'? \(list)" } ?? list
    return Diagnostic(id: id, message: "unknown \(kind) '\(name)'", location: location, hint: hint)
  }
}
