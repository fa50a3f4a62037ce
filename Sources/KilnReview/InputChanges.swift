import KilnDiagnostics
import KilnFormats
import KilnGit

/// The lines of the repository's inputs that differ between base and head: variable files,
/// inventories, env.yaml, templates and overlays.
struct InputChanges: Sendable {
  /// Changed lines per file, files sorted by path.
  var files: [(path: String, changes: [SourceChange])]

  /// Blob ids already known per side, by path (from the render keys); a path missing there
  /// is looked up in the source.
  typealias KnownIDs = (base: [String: String], head: [String: String])

  /// Reads the files below `roots` on both sides and diffs those whose blob ids differ.
  static func between(
    base: any SourceTree, head: any SourceTree, roots: [String], known: KnownIDs = ([:], [:])
  ) -> InputChanges {
    var files: [(path: String, changes: [SourceChange])] = []
    for path in paths(under: roots, base: base, head: head) {
      let oldID = known.base[path] ?? (try? base.contentID(path)) ?? nil
      let newID = known.head[path] ?? (try? head.contentID(path)) ?? nil
      guard oldID != newID else { continue }
      let oldBytes = (try? base.readFile(path)) ?? nil
      let newBytes = (try? head.readFile(path)) ?? nil
      if isBinary(oldBytes) || isBinary(newBytes) {
        files.append((path, [SourceChange(file: path, line: 0, old: nil, new: nil)]))
        continue
      }
      let old = lines(oldBytes)
      let new = lines(newBytes)
      let changes = LineDiff.changedLines(old: old, new: new).map { change in
        SourceChange(
          file: path, line: change.newLine ?? change.oldLine ?? 0, old: change.old,
          new: change.new)
      }
      if !changes.isEmpty { files.append((path, changes)) }
    }
    return InputChanges(files: files)
  }

  /// Every file below `roots` on either side, sorted by bytes. Roots are disjoint, so each
  /// root's files (sorted) are laid end to end in the order of `root/`.
  private static func paths(under roots: [String], base: any SourceTree, head: any SourceTree)
    -> [String]
  {
    let ordered = Set(roots).sorted {
      let left = $0.hasSuffix(".yaml") ? $0 : $0 + "/"
      let right = $1.hasSuffix(".yaml") ? $1 : $1 + "/"
      return left.utf8.lexicographicallyPrecedes(right.utf8)
    }
    var paths: [String] = []
    for root in ordered {
      if root.hasSuffix(".yaml") {
        paths.append(root)
        continue
      }
      let old = ((try? base.filePaths(under: root)) ?? nil) ?? []
      let new = ((try? head.filePaths(under: root)) ?? nil) ?? []
      paths +=
        old == new
        ? new
        : Set(old + new).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
    return paths
  }

  private static func isBinary(_ bytes: [UInt8]?) -> Bool {
    guard let bytes else { return false }
    return String(validating: bytes, as: UTF8.self) == nil || bytes.contains(0)
  }

  private static func lines(_ bytes: [UInt8]?) -> [String] {
    guard let bytes, let text = String(validating: bytes, as: UTF8.self) else { return [] }
    return LineDiff.lines(of: text)
  }
}
