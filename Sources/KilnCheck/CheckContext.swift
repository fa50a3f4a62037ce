import Jinja
import KilnCompiler
import KilnDiagnostics
import KilnFormats
import KilnModel

/// What a check rule reads: the compiled environment, every rendered file parsed back in its
/// format, and helpers that place findings on the source line to edit.
public struct CheckContext: Sendable {
  /// A rendered file parsed in its declared format, or the parse findings.
  public enum ParseOutcome: Sendable {
    /// The file parsed.
    case parsed(ParsedFile)
    /// The file did not parse; the findings are located in the rendered file.
    case failed([Diagnostic])
  }

  /// The compiler that resolved and rendered the environment.
  public let compiler: EnvironmentCompiler
  /// Every rendered file, sorted by host then path.
  public let files: [RenderedFile]
  /// The parse outcome of each file, by index into `files`.
  public let parsed: [ParseOutcome]

  /// The resolved environment.
  public var environment: ResolvedEnvironment { compiler.environment }
  /// The repository.
  public var repository: KilnRepository { compiler.repository }

  /// Parses every file back in its format, a bounded number at a time.
  public static func make(compiler: EnvironmentCompiler, files: [RenderedFile]) async
    -> CheckContext
  {
    let parsed = await ParallelMap.map(files) { file in
      do throws(DiagnosticsError) {
        let model = try FormatCodec.parse(
          file.contents, format: file.format, file: "\(file.host):\(file.path)")
        return ParseOutcome.parsed(model)
      } catch {
        return ParseOutcome.failed(error.diagnostics)
      }
    }
    return CheckContext(compiler: compiler, files: files, parsed: parsed)
  }

  /// The files with a parsed model, with their models.
  public func parsedFiles() -> [(file: RenderedFile, model: ParsedFile)] {
    zip(files, parsed).compactMap { file, outcome in
      if case .parsed(let model) = outcome { return (file, model) }
      return nil
    }
  }

  /// The evaluated value of variable `name` for `host`; nil when undefined.
  public func value(_ name: String, host: String) -> Value? {
    guard let variables = try? environment.variables(forHost: host),
      let value = try? variables.resolve(name), !value.isUndefined
    else { return nil }
    return value
  }

  /// The value of `name` for `host` as text, nil when undefined or null.
  public func text(_ name: String, host: String) -> String? {
    guard let value = value(name, host: host) else { return nil }
    if case .none = value { return nil }
    return value.pythonString()
  }

  /// The line that set `name` for `host` (the last layer that wrote it).
  public func origin(_ name: String, host: String) -> SourceLocation? {
    try? environment.variables(forHost: host).layered[name]?.origin?.location
  }

  /// The host's API address (`api_interface_address`, else `ansible_host`).
  public func apiAddress(of host: String) -> String? {
    text("api_interface_address", host: host) ?? text("ansible_host", host: host)
  }

  /// The `files:` entry of service.yaml that declares `file`.
  public func declaration(of file: RenderedFile) -> SourceLocation {
    let service = repository.service(named: file.service)
    return service?.files.first { $0.destination == file.path }?.location
      ?? service?.location ?? .file("templates/\(file.service)/service.yaml")
  }

  /// Where line `line` of `file` came from. When overlay patches rewrote the file, the line is
  /// found in the template's output by the rendered line's text (or by `key`, for formats
  /// whose writer respaces lines).
  public func lineOrigin(of file: RenderedFile, line: Int, key: String? = nil)
    -> RenderedLineOrigin?
  {
    let lines = compiler.renderedLines(path: file.path, host: file.host)
    let finalLines = String(decoding: file.contents, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    guard (1...max(1, lines.count)).contains(line) || key != nil else { return nil }
    let wanted = line <= finalLines.count ? String(finalLines[line - 1]) : ""
    if line <= lines.count, lines[line - 1].text == wanted { return lines[line - 1].origin }
    if let match = lines.first(where: { $0.text == wanted && !wanted.isEmpty }) {
      return match.origin
    }
    if let key, let match = lines.first(where: { $0.text.trimmingSpacesAndNewlines.hasPrefix(key) })
    {
      return match.origin
    }
    return line <= lines.count ? lines[line - 1].origin : nil
  }

  /// The template line that wrote line `line` of `file` (the declaration when unknown).
  public func templateLocation(of file: RenderedFile, line: Int, key: String? = nil)
    -> SourceLocation
  {
    lineOrigin(of: file, line: line, key: key)?.location ?? declaration(of: file)
  }

  /// The line to edit for a value on line `line` of `file` that differs from what `other`
  /// renders: the origin of the first variable the line reads whose value differs between the
  /// two hosts (any variable with an origin when `other` is nil), else the template line.
  public func cause(
    of file: RenderedFile, line: Int, comparedWith other: String?, key: String? = nil
  ) -> SourceLocation {
    guard let origin = lineOrigin(of: file, line: line, key: key) else {
      return declaration(of: file)
    }
    for name in origin.variables where !HostVariables.magicNames.contains(name) {
      if let other, text(name, host: file.host) == text(name, host: other) { continue }
      if let location = self.origin(name, host: file.host) { return location }
    }
    if let other, let location = differingTemplateVariable(of: file, comparedWith: other) {
      return location
    }
    return origin.location
  }

  /// The origin, on `file`'s host, of the first variable its template reads (loops and
  /// conditions too) that `other` and a third host agree on but `file`'s host does not, and
  /// that an environment or overlay sets: a per-host deviation, not a per-host value.
  private func differingTemplateVariable(of file: RenderedFile, comparedWith other: String)
    -> SourceLocation?
  {
    guard
      let third = files.first(where: {
        $0.path == file.path && $0.host != file.host && $0.host != other
      })?.host,
      let service = repository.service(named: file.service),
      let uses = compiler.variableUses(of: service).first(where: {
        $0.file.destination == file.path
      })?.uses
    else { return nil }
    for use in uses where !HostVariables.magicNames.contains(use.name) {
      let reference = text(use.name, host: other)
      guard reference == text(use.name, host: third),
        text(use.name, host: file.host) != reference,
        let location = origin(use.name, host: file.host),
        location.file.hasPrefix("environments/") || location.file.hasPrefix("overlays/")
      else { continue }
      return location
    }
    return nil
  }

  /// A location inside a rendered file, for related notes: `host:path:line:col`.
  public static func rendered(_ file: RenderedFile, line: Int, column: Int = 1) -> SourceLocation {
    SourceLocation(file: "\(file.host):\(file.path)", line: line, column: column)
  }
}
