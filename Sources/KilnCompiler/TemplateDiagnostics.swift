import Jinja
import KilnDiagnostics

/// Maps the template engine's located errors to Kiln diagnostics (`KLN2xx`).
public enum TemplateDiagnostics {
  /// The diagnostic for `error`, optionally naming the hosts on which it occurred.
  public static func diagnostic(_ error: JinjaError, hosts: [String] = []) -> Diagnostic {
    let location = error.span.map {
      SourceLocation(file: $0.file, line: $0.line, column: $0.column)
    }
    var message = error.message
    if !hosts.isEmpty {
      message += " (\(HostList.compact(hosts)))"
    }
    let related = error.includeStack.map {
      RelatedLocation(
        SourceLocation(file: $0.file, line: $0.line, column: $0.column), note: "included from here")
    }
    return Diagnostic(
      id: id(for: error.kind), severity: .error, message: message, location: location,
      related: related, hint: error.hint ?? defaultHint(for: error.kind))
  }

  static func id(for kind: JinjaError.Kind) -> DiagnosticID {
    switch kind {
    case .syntax: "KLN201"
    case .undefined: "KLN202"
    case .type: "KLN203"
    case .filter, .test: "KLN204"
    case .include: "KLN205"
    case .recursion: "KLN206"
    case .runtime: "KLN209"
    }
  }

  static func defaultHint(for kind: JinjaError.Kind) -> String? {
    switch kind {
    case .syntax: "fix the template syntax at this line"
    case .undefined:
      "define the variable in a layer (group_vars, host_vars, defaults.yaml) or guard it with `| default(...)`"
    case .type: "check the types of the values used in this expression"
    case .filter, .test: "check the filter or test name and its arguments"
    case .include: "check the included template's name and that it exists beside the template"
    case .recursion: "break the include or macro recursion"
    case .runtime: nil
    }
  }
}

/// Short human lists of hosts for messages.
public enum HostList {
  /// `ctl01, ctl02, ctl03` or `ctl01, ctl02, … (12 hosts)` for long lists.
  public static func compact(_ hosts: [String], limit: Int = 5) -> String {
    if hosts.count <= limit { return hosts.joined(separator: ", ") }
    return hosts.prefix(limit).joined(separator: ", ") + ", … (\(hosts.count) hosts)"
  }
}
