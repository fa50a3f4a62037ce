import KilnDiagnostics
import KilnFormats

/// Every host running fluentd ships its logs to Monasca: its fluentd config has an output
/// (`<match>` or `<store>`) of `@type monasca` (KLN413).
enum MonascaOutput {
  static let switches = ["enable_monasca", "monasca_ingest_control_plane_logs"]

  static func findings(in context: CheckContext) -> [Diagnostic] {
    var found = HostFindings()
    for (file, model) in context.parsedFiles() {
      guard case .fluentd(let config) = model, !hasMonascaOutput(config.root) else { continue }
      let off = switches.first { name in
        context.value(name, host: file.host).map { !$0.isTruthy } ?? false
      }
      let location = off.flatMap { context.origin($0, host: file.host) }
      let line = config.root.children(named: "match").first?.location?.line ?? 1
      found.add(
        Diagnostic(
          id: CheckID.monascaOutputMissing,
          message:
            "\(file.path) has no Monasca output" + (off.map { " (\($0) is off)" } ?? ""),
          location: location ?? context.templateLocation(of: file, line: line),
          hint: "every fluentd host must ship its logs to Monasca: turn the switch on or add a "
            + "<store> of @type monasca"),
        host: file.host)
    }
    return found.grouped()
  }

  static func hasMonascaOutput(_ element: FluentdElement) -> Bool {
    if ["match", "store"].contains(element.name), element.parameter("@type") == "monasca" {
      return true
    }
    return element.items.contains { item in
      if case .element(let child) = item { return hasMonascaOutput(child) }
      return false
    }
  }
}
