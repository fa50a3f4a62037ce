import ArgumentParser
import Foundation
import KilnCheck
import KilnCompiler
import KilnDiagnostics
import KilnGit

/// `kiln check`: schema, template, parse-back and cross-host checks; never writes files.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check environments: schemas, templates, parse-back and cross-host invariants.",
    discussion: """
      Renders each environment in memory (nothing is written) and reports every finding on the \
      source line to edit. Exit 0 when there are no errors, 1 when there are errors (or \
      warnings with --strict), 2 when the repository cannot be used.
      """)

  @Option(
    name: .customLong("env"),
    help: "An environment to check (repeatable; default: kiln.yaml's default-env).")
  var environments: [String] = []

  @Flag(name: .customLong("all"), help: "Check every environment of the repository.")
  var all = false

  @Option(name: .customLong("format"), help: "text (default), json, github or sarif.")
  var format: CheckOutputFormat = .text

  @Flag(name: .customLong("strict"), help: "Warnings fail the check too (exit 1).")
  var strict = false

  @OptionGroup var source: RepositorySourceOptions

  func run() async throws {
    let names = try environmentNames()
    var reports: [CheckReport] = []
    var tree: (any SourceTree)?
    for name in names {
      let compiler = try EnvironmentCompiler(
        repositoryPath: source.repository, revision: source.revision, environment: name,
        assignments: source.assignments)
      tree = compiler.repository.source
      reports.append(try await Checker.check(compiler: compiler))
    }
    Terminal.output(output(reports, source: tree), newline: false)
    let errors = reports.reduce(0) { $0 + $1.count(.error) }
    let warnings = reports.reduce(0) { $0 + $1.count(.warning) }
    if errors > 0 || (strict && warnings > 0) { throw KilnExit(code: 1) }
  }

  private func environmentNames() throws -> [String?] {
    guard all else { return environments.isEmpty ? [nil] : environments }
    let compiler = try EnvironmentCompiler(
      repositoryPath: source.repository, revision: source.revision,
      environment: environments.first, assignments: source.assignments)
    return compiler.repository.environments.map(\.name).sorted().map { Optional($0) }
  }

  private func output(_ reports: [CheckReport], source: (any SourceTree)?) -> String {
    switch format {
    case .text:
      return TextReport.render(
        reports, source: source,
        colour: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
      )
    case .json: return JSONReport.render(reports)
    case .github: return GitHubAnnotations.render(reports)
    case .sarif: return SARIFReport.render(reports, version: KilnVersion.current)
    }
  }
}

extension CheckOutputFormat: ExpressibleByArgument {}
