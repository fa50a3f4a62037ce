import KilnDiagnostics

/// An environment's rollout plan together with where its health scripts come from, as
/// `RolloutPlanReader` read them from env.yaml.
public struct ResolvedRollout: Sendable, Hashable {
  /// A health script a check names: its path inside a bundle and in the repository.
  public struct Script: Sendable, Hashable {
    /// The bundle path (`health/<file>`) the plan's checks refer to.
    public var archivePath: String
    /// The script's path relative to the repository root.
    public var source: String
    /// Where env.yaml names the script.
    public var location: SourceLocation

    /// Creates a script reference.
    public init(archivePath: String, source: String, location: SourceLocation) {
      self.archivePath = archivePath
      self.source = source
      self.location = location
    }
  }

  /// The plan `kiln apply` runs and `kiln diff` reports waves from.
  public var plan: RolloutPlan
  /// The health scripts the plan's checks name, in the order env.yaml first names them.
  public var scripts: [Script]

  /// Creates a resolved rollout.
  public init(plan: RolloutPlan, scripts: [Script]) {
    self.plan = plan
    self.scripts = scripts
  }
}
