import Jinja
import KilnDiagnostics
import KilnGit
import KilnModel

/// Every selected service's templates, compiled once and shared by all hosts.
struct ServiceTemplates: Sendable {
  /// Compiled templates by service name, then by the file's `src`.
  private var templates: [String: [String: Template]]

  func template(service: String, source: String) -> Template? {
    templates[service]?[source]
  }

  /// Whether `service` is among the compiled (selected) services.
  func includes(service: String) -> Bool { templates[service] != nil }

  /// Compiles the templates of `services`; each service gets its own template environment whose
  /// includes resolve beside the service's templates first, then under `templates/`.
  static func compile(
    services: Set<String>, source: any SourceTree, repository: KilnRepository
  ) throws(DiagnosticsError) -> ServiceTemplates {
    var templates: [String: [String: Template]] = [:]
    var problems: [Diagnostic] = []
    let globals = TemplateGlobals.make(source: source)
    for service in repository.services where services.contains(service.name) {
      let loader = RepositoryTemplateLoader(
        source: source, directories: [service.directory, "templates"])
      let engine = Jinja.Environment(
        loader: loader, globals: globals, filters: KilnFilters.all)
      var compiled: [String: Template] = [:]
      for file in service.files {
        do {
          compiled[file.source] = try compile(file, of: service, engine: engine, source: source)
        } catch let error as JinjaError {
          problems.append(TemplateDiagnostics.diagnostic(error))
        } catch let error as Diagnostic {
          problems.append(error)
        } catch {
          problems.append(
            Diagnostic(id: "KLN209", message: String(describing: error), location: file.location))
        }
      }
      templates[service.name] = compiled
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return ServiceTemplates(templates: templates)
  }

  private static func compile(
    _ file: ServiceDefinition.File, of service: ServiceDefinition, engine: Jinja.Environment,
    source: any SourceTree
  ) throws -> Template {
    let path = "\(service.directory)/\(file.source)"
    guard let bytes = try source.readFile(path) else {
      throw Diagnostic(
        id: "KLN140",
        message: "service \(service.name) names template \(file.source), which does not exist",
        location: file.location, hint: "create \(path) or fix `src:` in service.yaml")
    }
    return try engine.compile(String(decoding: bytes, as: UTF8.self), name: path)
  }
}
