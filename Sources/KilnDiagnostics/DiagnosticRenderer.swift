/// Renders diagnostics as text for a terminal or a log.
public enum DiagnosticRenderer {
  /// Every diagnostic as
  ///
  ///     file:line:col: error[KLN101]: message
  ///       note: file:line:col: related note
  ///       hint: what to do
  public static func text(_ diagnostics: [Diagnostic]) -> String {
    var out = ""
    for diagnostic in diagnostics {
      out += diagnostic.description + "\n"
      for related in diagnostic.related {
        out += "  note: \(related.location): \(related.note)\n"
      }
      if let hint = diagnostic.hint {
        out += "  hint: \(hint)\n"
      }
    }
    return out
  }
}
