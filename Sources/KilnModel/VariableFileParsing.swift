/// When `KilnRepository.load` parses the group_vars and host_vars files it lists.
public enum VariableFileParsing: Sendable {
  /// Every file of every environment, in parallel, during the load: the load reports every
  /// error in them (what `kiln check`-like callers and tests of a whole repository want).
  case upFront
  /// Each file when a host first needs it, once: rendering one host of a large estate reads
  /// only its own files and its groups'. Their errors surface from
  /// `ResolvedEnvironment.prepareVariables(forHosts:)`, `variables(forHost:)` and value
  /// resolution instead of from the load.
  case onFirstUse
}
