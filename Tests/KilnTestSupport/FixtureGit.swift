/// Runs git on scratch repositories built by tests, with a fixed author, committer and date so
/// that commit ids are the same on every run.
public enum FixtureGit {
  /// The author, committer and date every fixture commit gets.
  public static let environment = [
    "GIT_AUTHOR_NAME": "Kiln Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Kiln Test", "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
  ]

  /// Runs `git arguments…` in `directory`; returns what it printed, or throws
  /// `TestProcess.Failure` when git fails.
  @discardableResult
  public static func run(_ arguments: [String], in directory: String) throws -> String {
    try TestProcess.check("git", arguments, in: directory, environment: environment)
  }

  /// Runs a shell command line (`git …`, possibly several joined by `&&`) in `directory` with
  /// the fixed identity; returns what it printed, or throws `TestProcess.Failure`.
  @discardableResult
  public static func shell(_ command: String, in directory: String) throws -> String {
    try TestProcess.shell(command, in: directory, environment: environment)
  }
}
