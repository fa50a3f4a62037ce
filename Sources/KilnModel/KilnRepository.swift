import KilnDiagnostics
import KilnGit
import KilnYAML

/// A configuration repository as written: kiln.yaml, environments, services and overlays.
public struct KilnRepository: Sendable {
  /// Where the files were read from.
  public let source: any SourceTree
  /// `kiln.yaml`.
  public let config: RepositoryConfig
  /// The environments, sorted by name.
  public let environments: [EnvironmentDefinition]
  /// The services, sorted by name.
  public let services: [ServiceDefinition]
  /// The overlays, sorted by name.
  public let overlays: [OverlayDefinition]
  /// Findings that did not stop the load (YAML 1.1 booleans, ignored files, …).
  public let warnings: [Diagnostic]
  let chains: [String: [String]]
  let inventories: [String: InventoryModel]

  /// The environment named `name`.
  public func environment(named name: String) -> EnvironmentDefinition? {
    environments.first { $0.name == name }
  }

  /// The service named `name`.
  public func service(named name: String) -> ServiceDefinition? {
    services.first { $0.name == name }
  }

  /// The overlay named `name`.
  public func overlay(named name: String) -> OverlayDefinition? {
    overlays.first { $0.name == name }
  }

  /// The inheritance chain of `environment`, base first, ending with the environment itself.
  public func chain(of environment: String) -> [String]? { chains[environment] }

  /// The inventory of `environment` merged along its chain.
  public func inventory(of environment: String) -> InventoryModel? { inventories[environment] }

  /// `default-env` from kiln.yaml.
  public var defaultEnvironmentName: String? { config.defaultEnvironment?.name }

  /// Reads and checks every file of the repository; throws every error found, not only the
  /// first (warnings come along in the thrown error and are kept in `warnings` on success).
  /// With `variableFiles` `.onFirstUse`, group_vars and host_vars files are only listed here
  /// and are parsed and checked when first used.
  public static func load(
    from source: any SourceTree, variableFiles: VariableFileParsing = .upFront
  ) throws(DiagnosticsError) -> KilnRepository {
    let sink = DiagnosticSink()
    let reader = YAMLReader(source: source, sink: sink)
    let config = RepositoryConfig.read(with: reader)
    let services = readServices(with: reader)
    let overlays = readOverlays(with: reader)
    let environments = readEnvironments(with: reader)
    if variableFiles == .upFront {
      let files = environments.flatMap { $0.groupVars.files + $0.hostVars.files }
      VarsFile.parseAll(files)
      for file in files { sink.add(contentsOf: file.contents.diagnostics) }
    }
    let chains = EnvironmentChain.resolve(environments, sink: sink)
    var inventories: [String: InventoryModel] = [:]
    for environment in environments {
      let documents = (chains[environment.name] ?? []).compactMap { name in
        environments.first { $0.name == name }?.inventory
      }
      inventories[environment.name] = InventoryModel.merge(documents, sink: sink)
    }
    let repository = KilnRepository(
      source: source, config: config, environments: environments, services: services,
      overlays: overlays, warnings: [], chains: chains, inventories: inventories)
    RepositoryValidation(repository: repository, sink: sink).run()
    let findings = deduplicated(sink.diagnostics)
    if findings.contains(where: { $0.severity == .error }) {
      throw DiagnosticsError(findings)
    }
    return KilnRepository(
      source: source, config: config, environments: environments, services: services,
      overlays: overlays, warnings: findings.sortedForOutput(), chains: chains,
      inventories: inventories)
  }

  private static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen = Set<Diagnostic>()
    return diagnostics.filter { seen.insert($0).inserted }
  }

  private static func subdirectories(_ path: String, with reader: YAMLReader) -> [String] {
    (reader.entries(path) ?? []).filter { $0.kind == .directory }.map(\.name)
  }

  private static func readServices(with reader: YAMLReader) -> [ServiceDefinition] {
    var services: [ServiceDefinition] = []
    for name in subdirectories("templates", with: reader) {
      let directory = "templates/\(name)"
      guard reader.fileExists("\(directory)/service.yaml"),
        let service = ServiceDefinition.read(directory: directory, with: reader)
      else { continue }
      if let first = services.first(where: { $0.name == service.name }) {
        reader.sink.add(
          Diagnostic(
            id: ModelDiagnostics.duplicateService,
            message: "service name '\(service.name)' is declared twice",
            location: service.location,
            related: [RelatedLocation(first.location, note: "first declared here")],
            hint: "give each service directory's service.yaml a unique name"))
        continue
      }
      services.append(service)
    }
    return services.sorted { $0.name < $1.name }
  }

  private static func readOverlays(with reader: YAMLReader) -> [OverlayDefinition] {
    subdirectories("overlays", with: reader).compactMap { name in
      OverlayDefinition.read(name: name, directory: "overlays/\(name)", with: reader)
    }
  }

  private static func readEnvironments(with reader: YAMLReader) -> [EnvironmentDefinition] {
    let names = subdirectories("environments", with: reader)
    if names.isEmpty {
      reader.sink.add(
        Diagnostic(
          id: ModelDiagnostics.missing, message: "the repository defines no environments",
          location: .file("environments"),
          hint: "create environments/<name>/env.yaml and inventory.yaml"))
    }
    return names.map { name in
      EnvironmentDefinition.read(name: name, directory: "environments/\(name)", with: reader)
    }
  }
}
