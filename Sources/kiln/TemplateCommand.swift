import ArgumentParser
import KilnCompiler

/// `kiln template`: render one template with given variables, no repository involved.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Render one template file with variables from YAML or JSON files.",
    discussion: """
      Renders FILE the way Ansible's template module would (trim_blocks on, trailing newline \
      kept, strict undefined) and prints the result. Includes are looked up beside FILE, then \
      in each --search-path directory.
      """)

  @Argument(help: "The template file.")
  var file: String

  @Option(name: .customLong("vars"), help: "A YAML or JSON file of variables (repeatable).")
  var variableFiles: [String] = []

  @Option(name: .customLong("set"), help: "Set one variable: name=value (value read as YAML).")
  var assignments: [String] = []

  @Option(name: .customLong("search-path"), help: "A directory searched for includes.")
  var searchPaths: [String] = []

  func run() throws {
    let output = try StandaloneTemplate(
      templatePath: file, variableFiles: variableFiles, assignments: assignments,
      searchPaths: searchPaths
    ).render()
    Terminal.output(output, newline: false)
  }
}
