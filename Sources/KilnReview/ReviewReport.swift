import KilnCompiler
import KilnDiagnostics

/// Everything `kiln diff` found: one review per environment.
public struct ReviewReport: Sendable {
  /// Where the base was read from (`commit 1a2b3c4 (main)`).
  public var base: String
  /// Where the head was read from (`working tree` or a commit).
  public var head: String
  /// The environments compared, in request order.
  public var environments: [EnvironmentReview]

  /// Creates a report.
  public init(base: String, head: String, environments: [EnvironmentReview]) {
    self.base = base
    self.head = head
    self.environments = environments
  }

  /// Whether any environment differs (files, hosts, or the environment itself).
  public var hasChanges: Bool { environments.contains { $0.hasChanges } }
  /// Whether a side failed to render somewhere (exit 2).
  public var hasFindings: Bool { environments.contains { !$0.findings.isEmpty } }
}

/// The comparison of one environment.
public struct EnvironmentReview: Sendable {
  /// Whether the environment exists on both sides.
  public enum Status: String, Sendable, Hashable {
    /// Exists on both sides.
    case compared
    /// Exists only at head.
    case added
    /// Exists only at base.
    case removed
  }

  /// The environment's name.
  public var name: String
  /// Whether it exists on both sides.
  public var status: Status
  /// Hosts only at head.
  public var hostsAdded: [String]
  /// Hosts only at base.
  public var hostsRemoved: [String]
  /// Grouped changes that matter to the files' formats.
  public var changes: [ChangeEntry]
  /// Grouped changes the formats ignore (whitespace, order), listed separately.
  public var formattingOnly: [ChangeEntry]
  /// Render failures, per side; the failing hosts are left out of the comparison.
  public var findings: [ReviewFinding]
  /// Number of files on the head side (for added environments; for compared ones, the files
  /// of the head hosts rendered).
  public var headFileCount: Int
  /// The inventory groups (head side, else base) with their hosts, for filtering reports.
  public var groups: [HostGroup] = []
  /// What the render cache did for the base side (nil without a cache).
  public var baseCache: RenderCache.Statistics?
  /// What the render cache did for the head side (nil without a cache).
  public var headCache: RenderCache.Statistics?
  /// How many hosts were compared and rendered, when the sides were keyed first (nil when
  /// both sides were rendered in full, e.g. for an added environment).
  public var work: ReviewWork? = nil

  /// Whether anything differs.
  public var hasChanges: Bool {
    status != .compared || !hostsAdded.isEmpty || !hostsRemoved.isEmpty || !changes.isEmpty
      || !formattingOnly.isEmpty
  }

  /// Every host some change touches, in first-seen order.
  public var changedHosts: [String] {
    var seen = Set<String>()
    return (changes + formattingOnly).flatMap(\.hosts).filter { seen.insert($0).inserted }
  }

  /// The number of (host, file) pairs that differ.
  public var changedFileCount: Int { (changes + formattingOnly).reduce(0) { $0 + $1.hosts.count } }

  /// "12 files on 5 hosts; restarts mariadb on control (3)".
  public var summary: String { ReviewSummary.line(self) }
}

/// A render failure on one side of the comparison.
public struct ReviewFinding: Sendable, Hashable {
  /// Which side failed.
  public enum Side: String, Sendable, Hashable {
    /// The base revision.
    case base
    /// The head revision or working tree.
    case head
  }

  /// Which side failed.
  public var side: Side
  /// What failed, located in the sources of that side.
  public var diagnostic: Diagnostic
}

/// An inventory group and its hosts.
public struct HostGroup: Sendable, Hashable {
  /// The group's name.
  public var name: String
  /// Its hosts, in inventory order.
  public var hosts: [String]
}
