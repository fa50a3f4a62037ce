import ArgumentParser

/// Options shared by the commands that read a configuration repository.
struct RepositoryOptions: ParsableArguments {
  @Option(
    name: .customLong("env"), help: "The environment to compile (default: kiln.yaml's default-env)."
  )
  var environment: String?

  @OptionGroup var source: RepositorySourceOptions

  /// The git revision to read, if any.
  var revision: String? { source.revision }
  /// The repository directory.
  var repository: String { source.repository }
  /// `--set` assignments.
  var assignments: [String] { source.assignments }
}

/// Where the repository is read from and the `--set` overrides; `kiln check` pairs these with
/// its own repeatable `--env`.
struct RepositorySourceOptions: ParsableArguments {
  @Option(
    name: .customLong("rev"),
    help: "Read this git revision (commit, branch, tag, HEAD~2) instead of the working tree.")
  var revision: String?

  @Option(name: [.customShort("C"), .customLong("repository")], help: "The repository directory.")
  var repository: String = "."

  @Option(
    name: .customLong("set"), help: "Override a variable for every host: name=value (repeatable).")
  var assignments: [String] = []
}
