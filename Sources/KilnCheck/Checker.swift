import KilnCompiler
import KilnDiagnostics

/// Runs every check over one environment and collects all findings.
public enum Checker {
  /// Renders the environment (keeping the files of hosts that render), parses every file back
  /// and runs `rules` concurrently; load warnings and render failures become findings too,
  /// except those a rule already reports better (an undefined name found statically, a
  /// format error that parse-back places on the template line).
  public static func check(compiler: EnvironmentCompiler, rules: [CheckRule] = CheckRules.all)
    async throws(DiagnosticsError) -> CheckReport
  {
    let (result, failures) = try await compiler.compileKeepingFailures()
    let context = await CheckContext.make(compiler: compiler, files: result.files)
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
    let parseBackIDs = Set(found.filter { $0.id.rawValue.hasPrefix("KLN3") }.map(\.id))
    let renderFailures = failures.filter { failure in
      if parseBackIDs.contains(failure.id) { return false }
      guard failure.id == "KLN202", let name = UndefinedName.parse(failure.message) else {
        return true
      }
      return !undefined.contains(name)
    }
    var seen = Set<Diagnostic>()
    let findings = (result.warnings + renderFailures + found).filter { seen.insert($0).inserted }
    return CheckReport(
      environment: result.environment, hostCount: result.hosts.count,
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
