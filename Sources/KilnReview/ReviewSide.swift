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

  /// Loads `environment` from `source` without rendering anything; a repository that does not
  /// load is a failure of this side, not of the whole review.
  static func load(_ environment: String, source: any SourceTree, request: ReviewRequest)
    -> ReviewSide
  {
    do {
      guard try exists(environment, in: source) else {
        return ReviewSide(compiler: nil, result: nil, failures: [], failedHosts: [])
      }
      let compiler = try EnvironmentCompiler(
        source: source, environment: environment, assignments: request.assignments)
      return ReviewSide(compiler: compiler, result: nil, failures: [], failedHosts: [])
    } catch {
      return ReviewSide(compiler: nil, result: nil, failures: error.diagnostics, failedHosts: [])
    }
  }

  /// The side with every selected host rendered (through the cache when there is one); a
  /// side whose compile fails as a whole keeps only the failure.
  func renderingAll(_ request: ReviewRequest) async -> ReviewSide {
    guard let compiler, result == nil else { return self }
    do {
      if let cache = request.cache {
        let (partial, statistics) = try await cache.compile(
          compiler, selection: request.selection, salt: request.assignments)
        return rendered(partial, cache: statistics)
      }
      return rendered(try await compiler.compilePartially(selection: request.selection))
    } catch {
      return ReviewSide(compiler: nil, result: nil, failures: error.diagnostics, failedHosts: [])
    }
  }

  /// Renders only `hosts` (through the cache when there is one, by `keys`); throws when the
  /// compile fails as a whole, so that the caller can fall back to `renderingAll`.
  func rendering(_ hosts: [String], keys: RenderKeys, request: ReviewRequest)
    async throws(DiagnosticsError) -> ReviewSide
  {
    guard let compiler else { return self }
    if let cache = request.cache {
      let (partial, statistics) = try await cache.compile(
        compiler, hosts: hosts, keys: keys, services: request.selection.services)
      return rendered(partial, cache: statistics)
    }
    guard !hosts.isEmpty else {
      return rendered(.empty(compiler, services: request.selection.services))
    }
    return rendered(
      try await compiler.compilePartially(
        selection: RenderSelection(hosts: hosts, services: request.selection.services)))
  }

  private func rendered(_ partial: PartialCompileResult, cache: RenderCache.Statistics? = nil)
    -> ReviewSide
  {
    ReviewSide(
      compiler: compiler, result: partial.result, failures: partial.groupedFailures,
      failedHosts: partial.failedHosts, cache: cache)
  }

  /// Whether the side could not be compiled at all.
  var failedEntirely: Bool { result == nil && !failures.isEmpty }
}
