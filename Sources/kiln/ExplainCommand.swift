import ArgumentParser
import KilnCompiler

/// `kiln explain`: where a value or an output line came from.
struct ExplainCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show where a variable's value or a rendered line came from.",
    discussion: """
      kiln explain --host H --var NAME prints the effective value and every layer that set \
      it, lowest first, each with file:line:col. kiln explain --host H FILE[:LINE] names the \
      template line that produced each output line and the variables it read.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .customLong("host"), help: "The host whose view to explain.")
  var host: String

  @Option(name: .customLong("var"), help: "A variable name (dotted paths reach into maps).")
  var variable: String?

  @Argument(help: "A rendered file (its dest path, e.g. mariadb/galera.cnf), optionally :LINE.")
  var file: String?

  func validate() throws {
    if (variable == nil) == (file == nil) {
      throw ValidationError("give either --var NAME or FILE[:LINE]")
    }
  }

  func run() async throws {
    let compiler = try EnvironmentCompiler(
      repositoryPath: repository.repository, revision: repository.revision,
      environment: repository.environment, assignments: repository.assignments)
    if let variable {
      Terminal.output(try compiler.explain(variable: variable, host: host), newline: false)
    } else if let file {
      Terminal.output(try await compiler.explain(fileReference: file, host: host), newline: false)
    }
  }
}
