import KilnCompiler
import KilnDiagnostics
import KilnModel

extension RolloutPlanReader {
  /// `rollout.json` and `health/<file>` entries for the environment `compiler` resolved; a
  /// malformed `rollout:` or a missing health script throws KLN604 located in env.yaml.
  public static func entries(for compiler: EnvironmentCompiler) throws(DiagnosticsError)
    -> [TarEntry]
  {
    let rollout = try read(for: compiler.environment)
    var entries = [
      TarEntry(path: RolloutPlan.archivePath, mode: 0o644, contents: rollout.plan.json)
    ]
    for script in rollout.scripts {
      let bytes: [UInt8]
      do {
        bytes = try compiler.repository.source.requireFile(script.source)
      } catch {
        throw DiagnosticsError(
          Diagnostic(
            id: invalidRollout, message: "health script '\(script.source)' does not exist",
            location: script.location, hint: "give a path relative to the repository root"))
      }
      entries.append(TarEntry(path: script.archivePath, mode: 0o755, contents: bytes))
    }
    return entries
  }
}
