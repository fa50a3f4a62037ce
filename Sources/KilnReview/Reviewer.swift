import KilnCompiler
import KilnDiagnostics
import KilnGit
import KilnModel

/// `kiln diff`: renders each environment at base and head straight from git objects (or the
/// working tree) and reports what changes on which hosts, grouped, with blast radius and
/// the source lines that caused each change.
public enum Reviewer {
  /// Compares the request's environments. Throws for problems with the request itself (an
  /// unknown revision, an environment on neither side); a side that fails to render is a
  /// finding in the report instead.
  public static func review(_ request: ReviewRequest) async throws(DiagnosticsError)
    -> ReviewReport
  {
    let base: any SourceTree
    let head: any SourceTree
    do {
      base = try GitRepository.sourceTree(at: request.repository, revision: request.base)
      head = try GitRepository.sourceTree(at: request.repository, revision: request.head)
    } catch {
      throw DiagnosticsError(error.diagnostic)
    }
    let names = try environmentNames(request, base: base, head: head)
    var reviews: [EnvironmentReview] = []
    for name in names {
      reviews.append(await review(environment: name, base: base, head: head, request: request))
    }
    return ReviewReport(base: base.displayName, head: head.displayName, environments: reviews)
  }

  /// The environments to compare: those named (each must exist on a side), every one with
  /// `allEnvironments`, else the head's (or base's) default environment.
  static func environmentNames(
    _ request: ReviewRequest, base: any SourceTree, head: any SourceTree
  ) throws(DiagnosticsError) -> [String] {
    if request.allEnvironments {
      let listed = (try? head.listDirectory("environments")) ?? nil
      let old = (try? base.listDirectory("environments")) ?? nil
      let names = ((listed ?? []) + (old ?? [])).filter { $0.kind == .directory }.map(\.name)
      return Array(Set(names)).sorted()
    }
    if !request.environments.isEmpty {
      for name in request.environments {
        let inHead = try ReviewSide.exists(name, in: head)
        let inBase = try ReviewSide.exists(name, in: base)
        if !inHead && !inBase {
          throw DiagnosticsError(
            Diagnostic(
              id: "KLN002",
              message: "environment '\(name)' exists neither at \(base.displayName) nor in "
                + "\(head.displayName)",
              hint: "give an environment directory under environments/"))
        }
      }
      return request.environments
    }
    for source in [head, base] {
      if let repository = try? KilnRepository.load(from: source),
        let name = repository.defaultEnvironmentName
      {
        return [name]
      }
    }
    throw DiagnosticsError(
      Diagnostic(
        id: "KLN002", message: "no environment given and kiln.yaml names no default-env",
        hint: "pass --env NAME or --all"))
  }

  static func review(
    environment name: String, base: any SourceTree, head: any SourceTree, request: ReviewRequest
  ) async -> EnvironmentReview {
    // One side after the other: each side renders its hosts in parallel already, and with a
    // cache the head then finds every host the change does not touch stored by the base.
    let old = await ReviewSide.compile(name, source: base, request: request)
    let new = await ReviewSide.compile(name, source: head, request: request)
    var findings =
      old.failures.map { ReviewFinding(side: .base, diagnostic: $0) }
      + new.failures.map { ReviewFinding(side: .head, diagnostic: $0) }
    findings.sort {
      ($0.side.rawValue, $0.diagnostic.message) < ($1.side.rawValue, $1.diagnostic.message)
    }
    var review = EnvironmentReview(
      name: name, status: .compared, hostsAdded: [], hostsRemoved: [], changes: [],
      formattingOnly: [], findings: findings, headFileCount: new.result?.files.count ?? 0,
      baseCache: old.cache, headCache: new.cache)
    if let inventory = (new.compiler ?? old.compiler)?.environment.inventory {
      review.groups = inventory.groupNames.map {
        HostGroup(name: $0, hosts: inventory.hosts(inGroup: $0) ?? [])
      }
    }
    if old.compiler == nil && !old.failedEntirely {
      review.status = .added
      review.hostsAdded = new.compiler?.environment.hosts ?? []
      return review
    }
    if new.compiler == nil && !new.failedEntirely {
      review.status = .removed
      review.hostsRemoved = old.compiler?.environment.hosts ?? []
      return review
    }
    guard let oldResult = old.result, let newResult = new.result else { return review }
    let oldHosts = old.compiler?.environment.hosts ?? []
    let newHosts = new.compiler?.environment.hosts ?? []
    review.hostsAdded = newHosts.filter { !oldHosts.contains($0) }
    review.hostsRemoved = oldHosts.filter { !newHosts.contains($0) }
    let failed = Set(old.failedHosts + new.failedHosts)
    let common = newResult.hosts.filter { oldResult.hosts.contains($0) && !failed.contains($0) }
    var differ = HostFileDiff(environment: name)
    let deltas = differ.deltas(base: oldResult.files, head: newResult.files, hosts: common)
    let entries = ChangeGrouping(inventory: new.compiler?.environment.inventory)
      .entries(deltas)
    let annotated = annotate(entries, old: old, new: new, base: base, head: head)
    review.changes = annotated.filter { $0.comparison.outcome != .cosmetic }
    review.formattingOnly = annotated.filter { $0.comparison.outcome == .cosmetic }
    return review
  }

  /// Adds restarts, waves and source lines to each entry.
  private static func annotate(
    _ entries: [ChangeEntry], old: ReviewSide, new: ReviewSide, base: any SourceTree,
    head: any SourceTree
  ) -> [ChangeEntry] {
    guard let compiler = new.compiler else { return entries }
    let environment = compiler.environment
    // The waves `kiln apply` runs; a malformed `rollout:` (KLN604 at seal) shows no waves.
    let waves = (try? RolloutPlanReader.read(for: environment)).map {
      WaveAssignment(plan: $0.plan)
    }
    let oldChain = old.compiler?.environment.chain ?? []
    let roots =
      ["kiln.yaml", "templates", "overlays"]
      + Set(environment.chain + oldChain).sorted().map { "environments/\($0)" }
    let inputs = InputChanges.between(base: base, head: head, roots: roots)
    var provenance = Provenance(inputs: inputs, base: old.compiler, head: compiler)
    return entries.map { entry in
      var entry = entry
      entry.restarts = compiler.repository.service(named: entry.service)?.restart ?? []
      entry.waves = waves?.waves(of: entry.hosts) ?? []
      entry.sources = provenance.sources(for: entry)
      return entry
    }
  }
}
