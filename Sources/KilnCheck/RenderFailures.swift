import KilnCompiler
import KilnDiagnostics

/// Render failures as findings: a format error the compiler found in a rendered file (an
/// overlay patch parses the template's output) is moved to the template line that wrote the
/// bad line, like parse-back findings; the rest are kept as they are. Grouped across hosts.
enum RenderFailures {
  static func findings(
    _ failures: [(host: String, diagnostic: Diagnostic)], in context: CheckContext
  ) -> [Diagnostic] {
    var found = HostFindings()
    for (host, diagnostic) in failures {
      guard diagnostic.id.rawValue.hasPrefix("KLN3"), let location = diagnostic.location,
        location.line > 0, (try? context.repository.source.readFile(location.file)) == nil,
        case let lines = context.compiler.renderedLines(path: location.file, host: host),
        location.line <= lines.count, let origin = lines[location.line - 1].origin
      else {
        found.add(diagnostic, host: host)
        continue
      }
      var moved = diagnostic
      moved.message =
        "\(location.file) does not parse back (before overlay patches): \(diagnostic.message)"
      moved.location = origin.location
      moved.related = []
      let rendered = SourceLocation(
        file: "\(host):\(location.file)", line: location.line, column: location.column)
      found.add(moved, host: host, notes: [RelatedLocation(rendered, note: "rendered here")])
    }
    return found.grouped()
  }
}
