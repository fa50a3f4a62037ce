import KilnDiagnostics

/// The catalogue of KilnFormats' diagnostics: every `KLN3xx` this module emits, with its text
/// and hint.
public enum FormatDiagnostics {
  /// KLN301: the bytes are not valid UTF-8 text.
  public static let invalidEncoding: DiagnosticID = "KLN301"
  /// KLN302: an INI line is malformed (no `=`/`:`, empty key, stray indentation, bad header).
  public static let iniSyntax: DiagnosticID = "KLN302"
  /// KLN303: the text is not valid JSON.
  public static let jsonSyntax: DiagnosticID = "KLN303"
  /// KLN304: the text is not valid YAML for a format or merge.
  public static let yamlSyntax: DiagnosticID = "KLN304"
  /// KLN305: a `rabbitmq.conf` line is malformed.
  public static let rabbitSyntax: DiagnosticID = "KLN305"
  /// KLN306: the text is not valid Erlang term syntax.
  public static let erlangSyntax: DiagnosticID = "KLN306"
  /// KLN307: a fluentd configuration line is malformed.
  public static let fluentdSyntax: DiagnosticID = "KLN307"
  /// KLN308: an `/etc/hosts` line is malformed.
  public static let hostsSyntax: DiagnosticID = "KLN308"
  /// KLN309: a format or merge kind Kiln does not know.
  public static let unknownFormat: DiagnosticID = "KLN309"
  /// KLN310: a JSON patch document is malformed (not a list, unknown op, missing member).
  public static let jsonPatchInvalid: DiagnosticID = "KLN310"
  /// KLN311: a JSON patch path does not exist in the target document.
  public static let jsonPatchPathMissing: DiagnosticID = "KLN311"
  /// KLN312: a JSON patch `test` operation failed.
  public static let jsonPatchTestFailed: DiagnosticID = "KLN312"
  /// KLN313: a YAML merge found incompatible types (`extend_lists` with a non-list).
  public static let yamlMergeConflict: DiagnosticID = "KLN313"

  /// An error diagnostic with a location and a hint, wrapped for throwing.
  static func error(
    _ id: DiagnosticID, _ message: String, at location: SourceLocation, hint: String
  ) -> DiagnosticsError {
    DiagnosticsError(Diagnostic(id: id, message: message, location: location, hint: hint))
  }

  /// Text that is not valid UTF-8, located at the first bad byte.
  static func badEncoding(file: String, line: Int, column: Int) -> DiagnosticsError {
    error(
      invalidEncoding, "expected UTF-8 text, found an invalid byte sequence",
      at: SourceLocation(file: file, line: line, column: column),
      hint: "save the file as UTF-8")
  }

  /// A format or merge kind name Kiln does not know.
  static func unknown(kind: String, known: [String], file: String) -> DiagnosticsError {
    error(
      unknownFormat, "unknown format or merge kind '\(kind)'", at: .file(file),
      hint: "use one of: \(known.joined(separator: ", "))")
  }
}
