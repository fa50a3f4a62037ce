import ArgumentParser

/// The `kiln` command: a GitOps configuration compiler for OpenStack control planes.
struct Kiln: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kiln",
    abstract: "Compile a layered configuration repository into the files every host needs.",
    discussion: """
      Kiln reads a configuration repository (environments/, templates/, overlays/) from the \
      working tree or straight from git objects (--rev) and renders each host's service \
      configs. Exit codes: 0 success, 1 findings or changes, 2 usage or input error, \
      3 verification failure.
      """,
    version: KilnVersion.current,
    subcommands: [
      RenderCommand.self, ExplainCommand.self, TemplateCommand.self, MergeCommand.self,
      SealCommand.self, VerifyCommand.self, KeygenCommand.self, SecretCommand.self,
      SignCommand.self, ApplyCommand.self, ImportCommand.self,
      DiffCommand.self, CheckCommand.self,
    ]
  )
}
