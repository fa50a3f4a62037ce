import KilnCompiler
import KilnDiagnostics

/// Every rendered file parses in its declared format; a failure is reported once per template
/// line that produced the bad line, naming the hosts, with the rendered line as a note.
enum ParseBack {
  static func findings(in context: CheckContext) -> [Diagnostic] {
    var found = HostFindings()
    for (file, outcome) in zip(context.files, context.parsed) {
      guard case .failed(let problems) = outcome else { continue }
      for problem in problems {
        let line = max(1, problem.location?.line ?? 1)
        var moved = problem
        moved.message =
          "\(file.path) (format \(file.format)) does not parse back: \(problem.message)"
        moved.location = context.templateLocation(of: file, line: line)
        moved.related = []
        let rendered = CheckContext.rendered(
          file, line: line, column: problem.location?.column ?? 1)
        found.add(moved, host: file.host, notes: [RelatedLocation(rendered, note: "rendered here")])
      }
    }
    return found.grouped()
  }
}
