import KilnDiagnostics

/// A compile that went on past failing hosts: the hosts that rendered, and what failed.
public struct PartialCompileResult: Sendable {
  /// The hosts that rendered and their files.
  public var result: CompileResult
  /// Each failing host with one diagnostic per failed file, in host order.
  public var failures: [(host: String, diagnostic: Diagnostic)]

  /// Creates a partial result.
  public init(result: CompileResult, failures: [(host: String, diagnostic: Diagnostic)]) {
    self.result = result
    self.failures = failures
  }

  /// The result of rendering no host of `compiler`'s environment (for `services`, empty: every
  /// service).
  public static func empty(_ compiler: EnvironmentCompiler, services: [String])
    -> PartialCompileResult
  {
    PartialCompileResult(
      result: CompileResult(
        environment: compiler.environment.name, sourceDescription: compiler.sourceDescription,
        hosts: [],
        services: (services.isEmpty ? compiler.repository.services.map(\.name) : services).sorted(),
        files: [], warnings: compiler.repository.warnings),
      failures: [])
  }

  /// The failing hosts, in order, each once.
  public var failedHosts: [String] {
    var seen = Set<String>()
    return failures.map(\.host).filter { seen.insert($0).inserted }
  }

  /// The failures as one diagnostic per distinct problem, naming the hosts it occurred on.
  public var groupedFailures: [Diagnostic] { FailureGrouping.group(failures) }
}
