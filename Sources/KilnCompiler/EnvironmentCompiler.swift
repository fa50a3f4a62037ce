import Foundation
import Jinja
import KilnDiagnostics
import KilnGit
import KilnModel

/// Compiles one environment of a configuration repository: loads the repository (working tree
/// or a git revision), resolves the environment's layers, compiles every service template once
/// and renders the selected hosts in parallel.
public struct EnvironmentCompiler: Sendable {
  /// Where the repository was read from (`working tree`, `commit 1a2b3c4 (HEAD)`).
  public let sourceDescription: String
  /// The loaded repository.
  public let repository: KilnRepository
  /// The resolved environment.
  public let environment: ResolvedEnvironment
  /// The repository's age-encrypted secrets, which give `!secret` values their placeholders.
  public let secrets: SecretCatalog
  let source: any SourceTree

  /// Loads `repositoryPath` (at `revision` when given) and resolves `environment` (default:
  /// kiln.yaml's `default-env`) with `--set` style `assignments`.
  public init(
    repositoryPath: String, revision: String?, environment: String?, assignments: [String]
  ) throws(DiagnosticsError) {
    let source: any SourceTree
    do {
      source = try GitRepository.sourceTree(at: repositoryPath, revision: revision)
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
    try self.init(source: source, environment: environment, assignments: assignments)
  }

  /// Loads the repository in `source` and resolves `environment`.
  public init(source: any SourceTree, environment: String?, assignments: [String])
    throws(DiagnosticsError)
  {
    var overrides: [VariableOverride] = []
    for assignment in assignments {
      overrides.append(try VariableOverride.parse(assignment))
    }
    // Rendering one host of a large estate reads a handful of vars files: parse on first use.
    let repository = try KilnRepository.load(from: source, variableFiles: .onFirstUse)
    let engine = Jinja.Environment(
      loader: RepositoryTemplateLoader(source: source, directories: ["templates"]),
      globals: TemplateGlobals.make(source: source), filters: KilnFilters.all)
    self.source = source
    self.sourceDescription = source.displayName
    self.repository = repository
    let secrets = SecretCatalog(source: source, repository: repository)
    self.secrets = secrets
    self.environment = try repository.resolve(
      environment: environment, overrides: overrides, engine: engine, secrets: secrets)
  }

  /// Renders every selected file of every selected host.
  public func compile(selection: RenderSelection = .all) async throws(DiagnosticsError)
    -> CompileResult
  {
    let (result, failures) = try await compileKeepingFailures(selection: selection)
    if !failures.isEmpty { throw DiagnosticsError(failures) }
    return result
  }

  /// Like `compile`, but the files that did render are returned beside the grouped render
  /// failures instead of being discarded (`kiln check` reports both).
  public func compileKeepingFailures(selection: RenderSelection = .all)
    async throws(DiagnosticsError) -> (result: CompileResult, failures: [Diagnostic])
  {
    let partial = try await compilePartially(selection: selection)
    return (partial.result, partial.groupedFailures)
  }

  /// Like `compileKeepingFailures`, with each failure kept beside the host it happened on
  /// (`kiln diff` leaves those hosts out of the comparison; the render cache never stores them).
  public func compilePartially(selection: RenderSelection = .all) async throws(DiagnosticsError)
    -> PartialCompileResult
  {
    let hosts = try selectedHosts(selection)
    let services = try selectedServices(selection)
    try environment.prepareVariables(forHosts: hosts)
    let plan = hosts.map { host in
      let all = environment.services(onHost: host)
      return HostPlan(
        host: host,
        files: all.filter { services.contains($0.name) }
          .flatMap { service in service.files.map { (service, $0) } },
        renderable: Set(all.flatMap { $0.files.map(\.destination) }))
    }
    // With hosts or groups selected, only the services those hosts run are compiled.
    let compiled =
      selection.hosts.isEmpty && selection.groups.isEmpty
      ? services
      : services.intersection(
        hosts.flatMap { host in environment.services(onHost: host).map(\.name) })
    let templates = try ServiceTemplates.compile(
      services: compiled, source: source, repository: repository)
    let patches = try OverlayPatchStage.compile(environment: environment, source: source)
    let outcomes = await ParallelRenderer.render(
      plan: plan, environment: environment, templates: templates, patches: patches)
    var files: [RenderedFile] = []
    var failures: [(host: String, diagnostic: Diagnostic)] = []
    var rendered: [String] = []
    for outcome in outcomes {
      if outcome.failures.isEmpty {
        files += outcome.files
        rendered.append(outcome.host)
      }
      failures += outcome.failures.map { (outcome.host, $0) }
    }
    let result = CompileResult(
      environment: environment.name, sourceDescription: sourceDescription, hosts: rendered,
      services: services.sorted(), files: files.sortedForOutput(),
      warnings: (repository.warnings + environment.variableFileWarnings).sortedForOutput())
    return PartialCompileResult(result: result, failures: failures)
  }

  func selectedHosts(_ selection: RenderSelection) throws(DiagnosticsError) -> [String] {
    if selection.hosts.isEmpty && selection.groups.isEmpty { return environment.hosts }
    var wanted = Set<String>()
    var problems: [Diagnostic] = []
    for host in selection.hosts {
      if environment.hosts.contains(host) {
        wanted.insert(host)
      } else {
        problems.append(
          Self.unknown("host", host, known: environment.hosts, in: environment.name))
      }
    }
    for group in selection.groups {
      if let members = environment.hosts(inGroup: group) {
        wanted.formUnion(members)
      } else {
        problems.append(
          Self.unknown(
            "group", group, known: environment.inventory.groupNames, in: environment.name))
      }
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return environment.hosts.filter { wanted.contains($0) }
  }

  private func selectedServices(_ selection: RenderSelection) throws(DiagnosticsError)
    -> Set<String>
  {
    let known = repository.services.map(\.name)
    var problems: [Diagnostic] = []
    for service in selection.services where !known.contains(service) {
      problems.append(Self.unknown("service", service, known: known, in: environment.name))
    }
    if !problems.isEmpty { throw DiagnosticsError(problems) }
    return Set(selection.services.isEmpty ? known : selection.services)
  }

  static func unknown(_ kind: String, _ name: String, known: [String], in env: String)
    -> Diagnostic
  {
    var hint = "known: " + HostList.compact(known.sorted(), limit: 12)
    if let suggestion = Suggestion.closest(to: name, among: known) {
      hint = "did you mean '\(suggestion)'? " + hint
    }
    return Diagnostic(
      id: "KLN002", message: "environment \(env) has no \(kind) named '\(name)'", hint: hint)
  }
}

/// One host's share of the work: its files, each with the service that owns it.
struct HostPlan: Sendable {
  var host: String
  var files: [(ServiceDefinition, ServiceDefinition.File)]
  /// Every destination the host's services render, also those outside `--service`.
  var renderable: Set<String>
}
