import KilnCompiler
import KilnDiagnostics

/// Key-first rendering of both sides of a review: every selected host's render key (the blob
/// ids of everything its render can read, see `RenderKeys`) is computed at base and head, and
/// only the hosts whose keys differ are rendered and compared. A host with the same key on
/// both sides renders the same files on both sides, so it cannot differ.
///
/// The report stays what a full render of both sides gives: an unchanged host's only effect on
/// it is a render failure (reported on both sides), so an unchanged host is rendered once, at
/// head, unless the render cache holds a successful render under its key; when it fails
/// there, it is rendered at base too, for that side's own diagnostics.
enum KeyedRendering {
  /// Both sides with the hosts that matter rendered, and what that took; nil when a side
  /// cannot be keyed or its compile fails as a whole (the caller then renders both sides in
  /// full, which reports such failures as today).
  static func render(old: ReviewSide, new: ReviewSide, request: ReviewRequest) async
    -> (old: ReviewSide, new: ReviewSide, work: ReviewWork, inputIDs: InputChanges.KnownIDs)?
  {
    guard let oldCompiler = old.compiler, let newCompiler = new.compiler else { return nil }
    for compiler in [oldCompiler, newCompiler] {
      let known = Set(compiler.repository.services.map(\.name))
      guard request.selection.services.allSatisfy(known.contains) else { return nil }
    }
    let mentions = request.cache?.hostvarsMentions() ?? HostvarsMentions(file: nil)
    let version = request.cache?.toolVersion ?? "review"
    let key = { @Sendable (compiler: EnvironmentCompiler) in
      try? RenderKeys(
        compiler: compiler, selection: request.selection, toolVersion: version,
        salt: request.assignments, mentions: mentions)
    }
    async let keyingOld = key(oldCompiler)
    async let keyingNew = key(newCompiler)
    guard let oldKeys = await keyingOld, let newKeys = await keyingNew,
      !oldKeys.hosts.isEmpty, !newKeys.hosts.isEmpty
    else { return nil }
    mentions.save()
    let changed = Set(
      newKeys.hosts.filter { oldKeys.byHost[$0] != newKeys.byHost[$0] }
        + oldKeys.hosts.filter { newKeys.byHost[$0] != oldKeys.byHost[$0] })
    let unproven = Set(
      newKeys.hosts.filter { host in
        guard !changed.contains(host), let key = newKeys.byHost[host] else { return false }
        return !(request.cache?.contains(key: key) ?? false)
      })
    do {
      let head = try await new.rendering(
        newKeys.hosts.filter { changed.contains($0) || unproven.contains($0) }, keys: newKeys,
        request: request)
      let failedUnchanged = Set(head.failedHosts.filter(unproven.contains))
      let base = try await old.rendering(
        oldKeys.hosts.filter { changed.contains($0) || failedUnchanged.contains($0) },
        keys: oldKeys, request: request)
      let work = ReviewWork(
        hosts: Set(oldKeys.hosts + newKeys.hosts).count, changed: changed.count,
        renderedBase: base.cache?.misses ?? base.renderedHostCount,
        renderedHead: head.cache?.misses ?? head.renderedHostCount,
        fromCache: (base.cache?.hits ?? 0) + (head.cache?.hits ?? 0))
      return (base, head, work, (oldKeys.inputIDs, newKeys.inputIDs))
    } catch {
      return nil
    }
  }
}

extension ReviewSide {
  /// The hosts this side rendered, successfully or not.
  fileprivate var renderedHostCount: Int {
    (result?.hosts.count ?? 0) + failedHosts.count
  }
}
