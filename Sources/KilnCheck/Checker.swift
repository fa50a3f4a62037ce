import KilnCompiler
import KilnDiagnostics

/// Runs every check over one environment and collects all findings.
public enum Checker {
  /// Renders the environment (keeping the hosts that render), parses every file back
  /// and runs `rules` concurrently; load warnings and render failures become findings too,
  /// except an undefined name the static template check already reports with its hosts.
  public static func check(compiler: EnvironmentCompiler, rules: [CheckRule] = CheckRules.all)
    async throws(DiagnosticsError) -> CheckReport
  {
    let partial = try await compiler.compilePartially()
    let result = partial.result
    let context = await CheckContext.make(compiler: compiler, files: result.files)
    let failures = RenderFailures.findings(partial.failures, in: context)
    let found = await withTaskGroup(of: [Diagnostic].self) { group in
      for rule in rules {
        group.addTask { rule.run(context) }
      }
      var all: [Diagnostic] = []
      for await findings in group { all += findings }
      return all
    }
    let undefined = Set(
      found.filter { $0.id == CheckID.undefinedVariable }.compactMap {
        UndefinedName.parse($0.message)
      })
    let renderFailures = failures.filter { failure in
      guard failure.id == "KLN202", let name = UndefinedName.parse(failure.message) else {
        return true
      }
      return !undefined.contains(name)
    }
    var seen = Set<Diagnostic>()
    let findings = (result.warnings + renderFailures + found).filter { seen.insert($0).inserted }
    return CheckReport(
      environment: result.environment, hostCount: compiler.environment.hosts.count,
      fileCount: result.files.count, findings: findings.sortedForOutput())
  }
}

/// The variable name of an undefined-variable message (`'name' is undefined …`).
enum UndefinedName {
  static func parse(_ message: String) -> String? {
    guard message.hasPrefix("'"), let end = message.dropFirst().firstIndex(of: "'"),
      message[end...].hasPrefix("' is undefined")
    else { return nil }
    return String(message[message.index(after: message.startIndex)..<end])
  }
}
