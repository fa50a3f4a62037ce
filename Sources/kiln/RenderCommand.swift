import ArgumentParser
import KilnCompiler
import KilnDiagnostics

/// `kiln render`: compile one environment into files.
struct RenderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Compile one environment into per-host files and a manifest.",
    discussion: """
      Writes <out>/<host>/<dest> for every file (or kolla-ansible's node_custom_config tree with \
      --layout kolla) and <out>/manifest.json. The output directory is replaced atomically: on \
      any error nothing is written.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .customLong("host"), help: "Render only this host (repeatable).")
  var hosts: [String] = []

  @Option(name: .customLong("group"), help: "Render only the hosts of this group (repeatable).")
  var groups: [String] = []

  @Option(name: .customLong("service"), help: "Render only this service's files (repeatable).")
  var services: [String] = []

  @Option(name: .customLong("out"), help: "Output directory (default: out/<env>).")
  var output: String?

  @Option(name: .customLong("layout"), help: "hosts (default) or kolla.")
  var layout: OutputLayout = .hosts

  @Flag(
    name: .customLong("reveal"),
    help: "Write secret values in clear (local opt-in; needs --identity).")
  var reveal = false

  @Option(name: .customLong("identity"), help: "age identity file for --reveal (repeatable).")
  var identities: [String] = []

  func validate() throws {
    if reveal && identities.isEmpty {
      throw ValidationError("--reveal needs --identity FILE (an age identity that can decrypt)")
    }
    if !reveal && !identities.isEmpty {
      throw ValidationError("--identity is only used with --reveal")
    }
  }

  func run() async throws {
    let compiler = try EnvironmentCompiler(
      repositoryPath: repository.repository, revision: repository.revision,
      environment: repository.environment, assignments: repository.assignments)
    var result = try await compiler.compile(
      selection: RenderSelection(hosts: hosts, groups: groups, services: services))
    if reveal {
      result = try result.revealingSecrets(
        catalog: compiler.secrets, chain: compiler.environment.chain,
        identities: IdentityFiles.load(identities))
    }
    if !result.warnings.isEmpty {
      Terminal.error(DiagnosticRenderer.text(result.warnings), newline: false)
    }
    let directory = output ?? "out/\(result.environment)"
    try result.write(to: directory, layout: layout)
    Terminal.output(RenderSummary(result: result, directory: directory).text)
    KeptUntilExit.keep(compiler, result)
  }
}

extension OutputLayout: ExpressibleByArgument {}
