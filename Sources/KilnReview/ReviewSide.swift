import KilnCompiler
import KilnDiagnostics
import KilnGit

/// One side of the comparison: the repository at a revision (or the working tree), its
/// environment compiled, host failures kept apart.
struct ReviewSide: Sendable {
  /// The compiler, nil when the environment does not exist on this side.
  var compiler: EnvironmentCompiler?
  /// The hosts that rendered and their files.
  var result: CompileResult?
  /// The hosts that failed and why.
  var failures: [Diagnostic]
  /// Hosts that failed to render.
  var failedHosts: [String]
  /// Hosts read from and rendered past the cache (nil without a cache).
  var cache: RenderCache.Statistics? = nil

  /// Whether `environment` exists in `source` (`environments/<name>/`).
  static func exists(_ environment: String, in source: any SourceTree) throws(DiagnosticsError)
    -> Bool
  {
    do {
      return try source.listDirectory("environments/\(environment)") != nil
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
  }

  /// Compiles `environment` from `source`; a repository that does not load is a failure of
  /// this side, not of the whole review.
  static func compile(
    _ environment: String, source: any SourceTree, request: ReviewRequest
  ) async -> ReviewSide {
    do {
      guard try exists(environment, in: source) else {
        return ReviewSide(compiler: nil, result: nil, failures: [], failedHosts: [])
      }
      let compiler = try EnvironmentCompiler(
        source: source, environment: environment, assignments: request.assignments)
      let partial: PartialCompileResult
      var statistics: RenderCache.Statistics?
      if let cache = request.cache {
        (partial, statistics) = try await cache.compile(
          compiler, selection: request.selection, salt: request.assignments)
      } else {
        partial = try await compiler.compilePartially(selection: request.selection)
      }
      return ReviewSide(
        compiler: compiler, result: partial.result, failures: partial.groupedFailures,
        failedHosts: partial.failedHosts, cache: statistics)
    } catch {
      return ReviewSide(
        compiler: nil, result: nil, failures: error.diagnostics, failedHosts: [])
    }
  }

  /// Whether the side could not be compiled at all.
  var failedEntirely: Bool { result == nil && !failures.isEmpty }
}
