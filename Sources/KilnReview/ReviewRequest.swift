import KilnCompiler

/// What `kiln diff` compares: environments of one repository at a base revision and a head
/// (a revision or the working tree).
public struct ReviewRequest: Sendable {
  /// The repository directory.
  public var repository: String
  /// The environments to compare; empty with `allEnvironments` false means kiln.yaml's
  /// `default-env`.
  public var environments: [String]
  /// Compare every environment that exists on either side.
  public var allEnvironments: Bool
  /// The base revision (`main`, `HEAD~1`, a commit id).
  public var base: String
  /// The head revision; nil compares the working tree.
  public var head: String?
  /// Host, group and service filters, applied to both sides.
  public var selection: RenderSelection
  /// `--set` assignments applied to both sides.
  public var assignments: [String]
  /// The render cache, or nil to render everything.
  public var cache: RenderCache?

  /// Creates a request.
  public init(
    repository: String, environments: [String], allEnvironments: Bool = false, base: String,
    head: String? = nil, selection: RenderSelection = .all, assignments: [String] = [],
    cache: RenderCache? = nil
  ) {
    self.repository = repository
    self.environments = environments
    self.allEnvironments = allEnvironments
    self.base = base
    self.head = head
    self.selection = selection
    self.assignments = assignments
    self.cache = cache
  }
}
