import Jinja
import KilnDiagnostics
import KilnModel

/// A variable that a service file's template (or a template it may include) reads.
public struct TemplateVariableUse: Sendable, Hashable {
  /// The variable's name.
  public var name: String
  /// Where it is first read.
  public var location: SourceLocation
  /// Whether a read is guarded by `is defined` or `| default(…)`.
  public var isGuarded: Bool
}

extension EnvironmentCompiler {
  /// For each file of `service`, the variables its template and every template it may include
  /// read, found without rendering. Templates that do not parse are skipped (rendering reports
  /// them).
  public func variableUses(of service: ServiceDefinition)
    -> [(file: ServiceDefinition.File, uses: [TemplateVariableUse])]
  {
    let loader = RepositoryTemplateLoader(
      source: source, directories: [service.directory, "templates"])
    let engine = Jinja.Environment(
      loader: loader, globals: TemplateGlobals.make(source: source), filters: KilnFilters.all)
    return service.files.map { file in
      var uses: [TemplateVariableUse] = []
      var seen = Set<String>()
      var visited = Set<String>()
      collectUses(
        of: file.source, loader: loader, engine: engine, inherited: [], uses: &uses,
        seen: &seen, visited: &visited)
      return (file, uses)
    }
  }

  private func collectUses(
    of name: String, loader: RepositoryTemplateLoader, engine: Jinja.Environment,
    inherited: Set<String>, uses: inout [TemplateVariableUse], seen: inout Set<String>,
    visited: inout Set<String>
  ) {
    guard let template = try? loader.loadTemplate(named: name),
      visited.insert(template.path).inserted,
      let references = try? engine.references(inTemplateText: template.text, name: template.path)
    else { return }
    for variable in references.variables where !inherited.contains(variable.name) {
      guard seen.insert(variable.name).inserted else { continue }
      uses.append(
        TemplateVariableUse(
          name: variable.name,
          location: SourceLocation(
            file: variable.span.file, line: variable.span.line, column: variable.span.column),
          isGuarded: variable.isGuarded))
    }
    let bound = inherited.union(references.boundNames)
    for candidate in references.includeCandidates {
      collectUses(
        of: candidate, loader: loader, engine: engine, inherited: bound, uses: &uses,
        seen: &seen, visited: &visited)
    }
  }

  /// The variables a layered value's `{{ … }}` text reads; empty for text that does not parse.
  public func variableNames(inValue text: String) -> [String] {
    let engine = Jinja.Environment(filters: KilnFilters.all)
    let references = try? engine.references(inTemplateText: text, name: "value")
    return references?.variables.map(\.name) ?? []
  }

  /// Every line of `path` as its template renders it for `host` (before overlay patches), each
  /// with where it came from; empty when the file is not the host's or does not render.
  public func renderedLines(path: String, host: String) -> [RenderedLine] {
    guard let variables = try? environment.variables(forHost: host),
      let (service, file) = environment.services(onHost: host)
        .lazy.flatMap({ service in service.files.map { (service, $0) } })
        .first(where: { $0.1.destination == path }),
      let templates = try? ServiceTemplates.compile(
        services: [service.name], source: source, repository: repository),
      let template = templates.template(service: service.name, source: file.source)
    else { return [] }
    let trace = RenderTrace()
    guard let output = try? template.render(variables, trace: trace) else { return [] }
    let outputLines = OutputLines(Array(output.utf8))
    guard outputLines.count > 0 else { return [] }
    return (1...outputLines.count).map { line in
      let range = outputLines.contentRange(of: line)
      let emissions = trace.emissions.filter { Self.contributes($0.outputRange, to: range) }
      guard let first = emissions.first else {
        return RenderedLine(text: outputLines.text(of: line), origin: nil)
      }
      var names: [String] = []
      for name in emissions.flatMap(\.variables) where !names.contains(name) {
        names.append(name)
      }
      let span = first.span
      let isLiteral = first.variables.isEmpty && span.length >= first.outputRange.count
      let location =
        isLiteral
        ? templateLocation(of: first, at: max(range.lowerBound, first.outputRange.lowerBound))
        : SourceLocation(file: span.file, line: span.line, column: span.column)
      return RenderedLine(
        text: outputLines.text(of: line),
        origin: RenderedLineOrigin(location: location, variables: names))
    }
  }
}

/// One line of a template's output and where it came from.
public struct RenderedLine: Sendable, Hashable {
  /// The line's text, without its newline.
  public var text: String
  /// Where it came from; nil when no template text wrote it.
  public var origin: RenderedLineOrigin?
}

/// Where one rendered line came from: the template text that wrote it and the top-level
/// variables its expressions read.
public struct RenderedLineOrigin: Sendable, Hashable {
  /// The template location of the line's first byte.
  public var location: SourceLocation
  /// The variables read by the expressions that wrote the line, in first-read order.
  public var variables: [String]
}
